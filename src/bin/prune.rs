//! Removes code the browser build can never run, before `wasm-opt` shrinks it (run by
//! `scripts/post-build.mjs` on a release build):
//!
//!   cargo run --features prune --bin prune -- <in.wasm> <out.wasm>
//!
//! Why: Leptos keeps every view behind a type-erased `AnyView`, which stores a pointer to each
//! way a view can be built or taken over, among them its *asynchronous* take-over
//! (`hydrate_async`, for pages streamed from a server with suspended parts). This app takes
//! its prerendered pages over synchronously (`hydrate_body`) and never suspends, so no path
//! reaches the asynchronous one; but the stored pointers keep all of it in the module (about
//! 10% of it), where no linker or optimiser can see it is dead. Here each of those functions'
//! bodies becomes `unreachable`, after which `wasm-opt` drops everything only they called.
//! Should a future change reach one anyway, it traps loudly rather than misbehaving, and the
//! end-to-end tests, which take over every page, would fail.
//!
//! Functions are found by name (the module's name section, which `wasm-bindgen` keeps). A name
//! is not proof: the compiler merges identical functions, and a helper that the synchronous
//! take-over also calls may carry an asynchronous name. So a candidate that any other function
//! calls directly is kept (and, in turn, what only it called stays a candidate only if nothing
//! else calls it either). What is left is reached only through the stored pointers. The tool
//! says how many it pruned, and fails if it finds none (the names changed: look again).

use std::collections::{HashMap, HashSet};

use walrus::ir::{dfs_in_order, Instr, Unreachable, Visitor};
use walrus::{FunctionId, FunctionKind, Module};

/// What a function's name contains when it is part of the asynchronous take-over.
const PRUNE: &[&str] = &["::hydrate_async"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        eprintln!("usage: prune <in.wasm> <out.wasm>");
        std::process::exit(2);
    };
    let mut module = Module::from_file(input).unwrap_or_else(|e| {
        eprintln!("prune: {input}: {e}");
        std::process::exit(1);
    });
    let mut doomed: HashSet<FunctionId> = module
        .funcs
        .iter()
        .filter(|f| {
            f.name
                .as_deref()
                .is_some_and(|name| PRUNE.iter().any(|p| name.contains(p)))
        })
        .map(|f| f.id())
        .collect();
    let callers = direct_callers(&module);
    // Keep every candidate that a kept function calls, until nothing changes.
    loop {
        let called_by_kept: Vec<FunctionId> = doomed
            .iter()
            .copied()
            .filter(|f| {
                callers
                    .get(f)
                    .is_some_and(|by| by.iter().any(|caller| !doomed.contains(caller)))
            })
            .collect();
        if called_by_kept.is_empty() {
            break;
        }
        for f in called_by_kept {
            doomed.remove(&f);
        }
    }
    if doomed.is_empty() {
        eprintln!("prune: no function matched {PRUNE:?}: has the name section gone, or Leptos's names changed?");
        std::process::exit(1);
    }
    if doomed.is_empty() {
        eprintln!("prune: every candidate is also called from elsewhere; nothing to prune");
        std::process::exit(1);
    }
    for id in &doomed {
        if let FunctionKind::Local(local) = &mut module.funcs.get_mut(*id).kind {
            let entry = local.entry_block();
            let body = local.block_mut(entry);
            body.instrs.clear();
            body.instrs.push((Instr::Unreachable(Unreachable {}), Default::default()));
        }
    }
    module.emit_wasm_file(output).unwrap_or_else(|e| {
        eprintln!("prune: {output}: {e}");
        std::process::exit(1);
    });
    println!("prune: {} functions of the asynchronous take-over made unreachable", doomed.len());
}

/// For each function, the functions that call it directly.
fn direct_callers(module: &Module) -> HashMap<FunctionId, Vec<FunctionId>> {
    struct Calls(Vec<FunctionId>);
    impl<'instr> Visitor<'instr> for Calls {
        fn visit_instr(&mut self, instr: &'instr Instr, _: &'instr walrus::InstrLocId) {
            match instr {
                Instr::Call(c) => self.0.push(c.func),
                Instr::ReturnCall(c) => self.0.push(c.func),
                _ => {}
            }
        }
    }
    let mut callers: HashMap<FunctionId, Vec<FunctionId>> = HashMap::new();
    for f in module.funcs.iter() {
        if let FunctionKind::Local(local) = &f.kind {
            let mut calls = Calls(Vec::new());
            dfs_in_order(&mut calls, local, local.entry_block());
            for callee in calls.0 {
                callers.entry(callee).or_default().push(f.id());
            }
        }
    }
    callers
}

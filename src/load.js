// Dynamic imports are JavaScript syntax: the browser modules load the lazily fetched ones through
// these two functions. One file, named the same in every module's build (wasm-bindgen copies it
// beside each module's glue as `snippets/<crate>/src/load.js`), so modules built apart never
// overwrite each other's snippets; no inline script, so the page's policy needs nothing new.

/// The chart module (src/bin/charts.rs): its options builder and its file writer.
export async function load_module(js, wasm) {
  const m = await import(js);
  await m.default({ module_or_path: wasm });
  return [m.chart_options, m.export_data];
}

/// The whole-page module: all its exports.
export async function load_app(js, wasm) {
  const m = await import(js);
  await m.default({ module_or_path: wasm });
  return m;
}

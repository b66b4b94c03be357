// Asks release-please's node-workspace plugin what a release of some packages does to a workspace:
// node workspace-oracle.mjs cases.json answers.json
// cases: [{ packages: [{ path, packageJson }], releases: { path: version } }] — every package's folder and its
// package.json text; the packages released by their own commits and the version each gets.
// answers: [{ path: { version, packageJson } }] — every package the plugin releases (its own and its dependents), with
// the version and its package.json after the release pull request's updates; or { error } when the plugin throws.
import { createRequire } from 'module';
import fs from 'fs';

const require = createRequire(import.meta.url);
require('release-please'); // loads the modules in the order their circular imports need
require('release-please/build/src/util/logger').setLogger({ log() {}, error() {}, warn() {}, info() {}, debug() {}, trace() {} });
const { NodeWorkspace } = require('release-please/build/src/plugins/node-workspace');
const { PackageJson } = require('release-please/build/src/updaters/node/package-json');
const { PullRequestBody } = require('release-please/build/src/util/pull-request-body');
const { PullRequestTitle } = require('release-please/build/src/util/pull-request-title');
const { BranchName } = require('release-please/build/src/util/branch-name');
const { Version } = require('release-please/build/src/version');

const silent = { log() {}, error() {}, warn() {}, info() {}, debug() {}, trace() {} };

// The plugin reads the packages' package.json from the target branch: here, from the case.
function github(files) {
  return {
    async getFileContentsOnBranch(path) {
      if (!(path in files)) throw new Error(`no file ${path}`);
      return { parsedContent: files[path], content: Buffer.from(files[path]).toString('base64'), sha: 'x', mode: '100644' };
    },
  };
}

// A package's own release pull request, as release-please's node strategy builds it before the plugins run.
function candidate(path, version) {
  const v = Version.parse(version);
  return {
    path,
    config: { releaseType: 'node' },
    pullRequest: {
      title: PullRequestTitle.ofTargetBranch('main'),
      body: new PullRequestBody([{ component: path, version: v, notes: '### Features\n\n* own change' }]),
      updates: [{ path: `${path}/package.json`, createIfMissing: false, updater: new PackageJson({ version: v }) }],
      labels: [],
      headRefName: BranchName.ofTargetBranch('main').toString(),
      version: v,
      draft: false,
    },
  };
}

async function answer(c) {
  const files = Object.fromEntries(c.packages.map(p => [`${p.path}/package.json`, p.packageJson]));
  const config = Object.fromEntries(c.packages.map(p => [p.path, { releaseType: 'node' }]));
  const plugin = new NodeWorkspace(github(files), 'main', config, { logger: silent });
  const out = await plugin.run(Object.entries(c.releases).map(([path, version]) => candidate(path, version)));
  const result = {};
  for (const cand of out) {
    for (const update of cand.pullRequest.updates) {
      const m = /^(.*)\/package\.json$/.exec(update.path);
      if (!m || !(update.path in files)) continue;
      const text = update.updater.updateContent(files[update.path], silent);
      result[m[1]] = { version: JSON.parse(text).version, packageJson: text };
    }
  }
  return result;
}

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const answers = [];
for (const c of cases) {
  try { answers.push(await answer(c)); } catch (e) { answers.push({ error: e.message }); }
}
fs.writeFileSync(process.argv[3], JSON.stringify(answers, null, 1));

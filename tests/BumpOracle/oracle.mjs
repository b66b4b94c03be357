// Asks the real tools what release a list of commits gives: node oracle.mjs cases.json answers.json
// cases: [{ current, commits: [message, ...newest first], hashes: [sha, ...] }]
// answers: [{ angular, conventionalcommits, "release-please" }] — commit-analyzer's release type or "none";
// release-please's next version or "none"; "error: ..." when the tool itself throws.
import { createRequire } from 'module';
import fs from 'fs';

const require = createRequire(import.meta.url);
const { analyzeCommits } = await import('@semantic-release/commit-analyzer');
const { parseConventionalCommits } = require('release-please/build/src/commit');
const { DefaultVersioningStrategy } = require('release-please/build/src/versioning-strategies/default');
const { DefaultChangelogNotes } = require('release-please/build/src/changelog-notes/default');
const { Version } = require('release-please/build/src/version');

const silent = { log() {}, error() {}, warn() {}, info() {}, debug() {}, trace() {} };
const cwd = process.cwd();

async function commitAnalyzer(pluginConfig, commits) {
  return (await analyzeCommits(pluginConfig, { commits, logger: silent, cwd })) || 'none';
}

// release-please's Simple strategy: no commits or an empty changelog -> no release PR; Release-As forces the version.
async function releasePlease(current, commits) {
  const parsed = parseConventionalCommits(commits.map(c => ({ sha: c.hash, message: c.message })), silent);
  if (parsed.length === 0) return 'none';
  const notes = await new DefaultChangelogNotes().buildNotes(parsed, {
    owner: 'o', repository: 'r', version: '9.9.9', previousTag: 'v1.0.0', currentTag: 'v9.9.9', targetBranch: 'main',
  });
  if (notes.split('\n').length <= 1) return 'none';
  const forced = parsed.find(c => c.notes.find(n => n.title === 'RELEASE AS'));
  if (forced) return Version.parse(forced.notes.find(n => n.title === 'RELEASE AS').text).toString();
  return (await new DefaultVersioningStrategy({ logger: silent }).bump(Version.parse(current), parsed)).toString();
}

async function answer(run) {
  try { return await run(); } catch (e) { return 'error: ' + e.message; }
}

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const answers = [];
for (const c of cases) {
  const commits = c.commits.map((message, i) => ({ message, hash: c.hashes[i] }));
  answers.push({
    angular: await answer(() => commitAnalyzer({}, commits)),
    conventionalcommits: await answer(() => commitAnalyzer({ preset: 'conventionalcommits' }, commits)),
    'release-please': await answer(() => releasePlease(c.current, commits)),
  });
}
fs.writeFileSync(process.argv[3], JSON.stringify(answers));

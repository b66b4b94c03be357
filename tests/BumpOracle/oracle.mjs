// Asks the real tools what release a list of commits gives: node oracle.mjs cases.json answers.json
// cases: [{ current, commits: [message, ...newest first], hashes: [sha, ...] }]
// answers: [{ angular, conventionalcommits, "release-please", "release-please OPTION ..." }] — commit-analyzer's
// release type or "none"; release-please's next version or "none", by default and with each option set below;
// "error: ..." when the tool itself throws.
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

// release-please's default changelog sections (conventional-changelog-conventionalcommits 6.1.0's types), with docs
// made visible the way a release-please-config.json's "changelog-sections" does it.
const docsVisible = [
  { type: 'feat', section: 'Features' },
  { type: 'feature', section: 'Features' },
  { type: 'fix', section: 'Bug Fixes' },
  { type: 'perf', section: 'Performance Improvements' },
  { type: 'revert', section: 'Reverts' },
  { type: 'docs', section: 'Documentation', hidden: false },
  { type: 'style', section: 'Styles', hidden: true },
  { type: 'chore', section: 'Miscellaneous Chores', hidden: true },
  { type: 'refactor', section: 'Code Refactoring', hidden: true },
  { type: 'test', section: 'Tests', hidden: true },
  { type: 'build', section: 'Build System', hidden: true },
  { type: 'ci', section: 'Continuous Integration', hidden: true },
];

// The release-please configurations answered for, by answer key: the options as release-please's factory hands them
// to DefaultVersioningStrategy (bump-minor-pre-major, bump-patch-for-minor-pre-major) and DefaultChangelogNotes
// (changelog-sections).
const releasePleaseOptions = {
  'release-please': {},
  'release-please bump-minor-pre-major': { bumpMinorPreMajor: true },
  'release-please bump-patch-for-minor-pre-major': { bumpPatchForMinorPreMajor: true },
  'release-please bump-minor-pre-major bump-patch-for-minor-pre-major': { bumpMinorPreMajor: true, bumpPatchForMinorPreMajor: true },
  'release-please changelog-sections docs': { changelogSections: docsVisible },
};

async function commitAnalyzer(pluginConfig, commits) {
  return (await analyzeCommits(pluginConfig, { commits, logger: silent, cwd })) || 'none';
}

// release-please's Simple strategy: no commits or an empty changelog -> no release PR; Release-As forces the version.
// The changelog only depends on the sections, so it is built once per sections (notes: a Map from sections to it).
async function releasePlease(current, parsed, options, notes) {
  if (parsed.length === 0) return 'none';
  if (!notes.has(options.changelogSections)) {
    notes.set(options.changelogSections, await new DefaultChangelogNotes().buildNotes(parsed, {
      owner: 'o', repository: 'r', version: '9.9.9', previousTag: 'v1.0.0', currentTag: 'v9.9.9', targetBranch: 'main',
      changelogSections: options.changelogSections,
    }));
  }
  if (notes.get(options.changelogSections).split('\n').length <= 1) return 'none';
  const forced = parsed.find(c => c.notes.find(n => n.title === 'RELEASE AS'));
  if (forced) return Version.parse(forced.notes.find(n => n.title === 'RELEASE AS').text).toString();
  const strategy = new DefaultVersioningStrategy({
    logger: silent,
    bumpMinorPreMajor: options.bumpMinorPreMajor,
    bumpPatchForMinorPreMajor: options.bumpPatchForMinorPreMajor,
  });
  return (await strategy.bump(Version.parse(current), parsed)).toString();
}

async function answer(run) {
  try { return await run(); } catch (e) { return 'error: ' + e.message; }
}

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const answers = [];
for (const c of cases) {
  const commits = c.commits.map((message, i) => ({ message, hash: c.hashes[i] }));
  const result = {
    angular: await answer(() => commitAnalyzer({}, commits)),
    conventionalcommits: await answer(() => commitAnalyzer({ preset: 'conventionalcommits' }, commits)),
  };
  let parsed;
  try {
    parsed = parseConventionalCommits(commits.map(x => ({ sha: x.hash, message: x.message })), silent);
  } catch (e) {
    parsed = e;
  }
  const notes = new Map();
  for (const [key, options] of Object.entries(releasePleaseOptions)) {
    result[key] = await answer(() => {
      if (parsed instanceof Error) throw parsed;
      return releasePlease(c.current, parsed, options, notes);
    });
  }
  answers.push(result);
}
fs.writeFileSync(process.argv[3], JSON.stringify(answers));

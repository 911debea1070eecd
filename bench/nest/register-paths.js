// Shared by the Nest benchmarks (npm run bench:sanctions, bench:discretion, bench:bulletins).
// Lets ts-node resolve the workspace's @yrd/* aliases (tsx, used by the other benchmarks, cannot
// emit the decorator metadata Nest's dependency injection needs; ts-node can).
const { join } = require('node:path');
const { register } = require('tsconfig-paths');
const root = join(__dirname, '..', '..');
register({ baseUrl: root, paths: require(join(root, 'tsconfig.base.json')).compilerOptions.paths });

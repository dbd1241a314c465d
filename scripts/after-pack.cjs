'use strict';
/*
 * electron-builder afterPack hook: the app folder now holds the Electron build
 * of better-sqlite3, so the dev tree gets its Node build back (npm test, the
 * CLI and tsx all load it under Node).
 */
const { restoreNodeBuild } = require('./native-abi.cjs');

module.exports = async function afterPack(context) {
  restoreNodeBuild(context.packager.projectDir);
};

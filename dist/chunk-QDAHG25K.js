import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/constants.ts
var DEFAULT_CONFIG_PATH = ".github/kube-immutable.yaml";
var DEFAULT_INCLUDE = Object.freeze(["**/*.[yY][aA][mM][lL]", "**/*.[yY][mM][lL]", "**/*.[jJ][sS][oO][nN]"]);
var DEFAULT_EXCLUDE = Object.freeze([".github/**"]);
function globOptions(glob) {
  return { dot: true, matchBase: !glob.includes("/") };
}

export {
  DEFAULT_CONFIG_PATH,
  DEFAULT_INCLUDE,
  DEFAULT_EXCLUDE,
  globOptions
};

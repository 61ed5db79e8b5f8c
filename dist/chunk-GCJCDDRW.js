import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/constants.ts
var DEFAULT_CONFIG_PATH = ".github/kube-immutable.yaml";
var DEFAULT_INCLUDE = Object.freeze(["**/*.[yY][aA][mM][lL]", "**/*.[yY][mM][lL]", "**/*.[jJ][sS][oO][nN]"]);
var DEFAULT_EXCLUDE = Object.freeze([".github/**"]);
function globOptions(glob) {
  return { dot: true, matchBase: !glob.includes("/") };
}
var HELM_PROFILE_RULES = Object.freeze({
  releaseName: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
  releaseNameMaxLength: 53,
  namespace: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
  namespaceMaxLength: 63,
  kubeVersion: "^v?\\d{1,3}\\.\\d{1,3}(\\.\\d{1,5})?(-[0-9A-Za-z.-]{1,40})?$",
  apiVersion: "^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(\\/[A-Za-z0-9.-]+){0,2}$",
  apiVersionMaxLength: 253,
  profileName: "^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$"
});

export {
  DEFAULT_CONFIG_PATH,
  DEFAULT_INCLUDE,
  DEFAULT_EXCLUDE,
  globOptions,
  HELM_PROFILE_RULES
};

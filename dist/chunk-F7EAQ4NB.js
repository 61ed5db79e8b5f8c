import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  MAX_UNCHANGED_FIX_FILES,
  changedManifests,
  engineWithDigests,
  fromGit,
  matchesGlobs,
  noManifestChanged,
  pathsChanged,
  pullRequestFlow,
  reportSettingsProblems,
  reviewFailure,
  trustedBuildArtifacts,
  unchangedFixFiles
} from "./chunk-CC5PRJCQ.js";
import "./chunk-6NFZBB4S.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-MEH5RECA.js";
import "./chunk-Q3QGX5ZW.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-UH6I2W3D.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-PEWCUQZX.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  MAX_UNCHANGED_FIX_FILES,
  changedManifests,
  engineWithDigests,
  fromGit,
  matchesGlobs,
  noManifestChanged,
  pathsChanged,
  pullRequestFlow,
  reportSettingsProblems,
  reviewFailure,
  trustedBuildArtifacts,
  unchangedFixFiles
};

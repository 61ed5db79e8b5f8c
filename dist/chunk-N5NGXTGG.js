import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  changedManifests,
  engineWithDigests,
  fromGit,
  matchesGlobs,
  pathsChanged,
  pullRequestFlow,
  reportSettingsProblems,
  reviewFailure
} from "./chunk-MKOMSKG3.js";
import "./chunk-6FVHYXQJ.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-MEH5RECA.js";
import "./chunk-W3BHX62H.js";
import "./chunk-NCVOTW7D.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-PEWCUQZX.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  changedManifests,
  engineWithDigests,
  fromGit,
  matchesGlobs,
  pathsChanged,
  pullRequestFlow,
  reportSettingsProblems,
  reviewFailure
};

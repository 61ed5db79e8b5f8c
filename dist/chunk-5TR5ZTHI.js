import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
} from "./chunk-VR7SQAPQ.js";
import "./chunk-HWBUGONO.js";
import "./chunk-HGRDSTWP.js";
import "./chunk-3FTY5ISG.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
};

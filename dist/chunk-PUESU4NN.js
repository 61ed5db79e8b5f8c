import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
} from "./chunk-CE3NNUUH.js";
import "./chunk-3JXTU72Z.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-FPVZ7KJF.js";
import "./chunk-VMI5UHFS.js";
import "./chunk-6KDZHZCW.js";
import "./chunk-IEKIVSIN.js";
import "./chunk-OQP764A7.js";
import "./chunk-EAZCXRIZ.js";
export {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
};

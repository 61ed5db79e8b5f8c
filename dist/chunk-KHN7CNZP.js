import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
} from "./chunk-ONKY4HB3.js";
import "./chunk-TV2SFSJJ.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-MEH5RECA.js";
import "./chunk-7MWJ2Z2B.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-ZFWYZKH6.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
};

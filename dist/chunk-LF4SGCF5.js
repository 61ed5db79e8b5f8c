import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
} from "./chunk-SZTCQ53B.js";
import "./chunk-WALWM2JZ.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-MEH5RECA.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-ZFWYZKH6.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
};

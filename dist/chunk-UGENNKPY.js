import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
} from "./chunk-OG4FBQBQ.js";
import "./chunk-EQTN5BQG.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-W3BHX62H.js";
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

import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  engineWithDigests,
  matchesGlobs,
  pullRequestFlow,
  reportSettingsProblems
} from "./chunk-7ELZAS2L.js";
import "./chunk-QGFIMFNP.js";
import "./chunk-RDE2JGST.js";
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

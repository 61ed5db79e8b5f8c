import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  publish
} from "./chunk-SNRMV4DK.js";
import "./chunk-OUSMQQGL.js";
import "./chunk-HGRDSTWP.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-MHYNFEL6.js";
import "./chunk-XGP3YI6V.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  publish
};

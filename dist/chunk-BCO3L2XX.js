import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  publish
} from "./chunk-U3EDSLUW.js";
import "./chunk-56M4UFCJ.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-GDJ4UAF2.js";
import "./chunk-XGP3YI6V.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  publish
};

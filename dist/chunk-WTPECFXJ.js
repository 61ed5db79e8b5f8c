import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  publish
} from "./chunk-BWY4PKAK.js";
import "./chunk-GSS4W2O2.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-TD7DL4WF.js";
import "./chunk-H6EUGKT7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  publish
};

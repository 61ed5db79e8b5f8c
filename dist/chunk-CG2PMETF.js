import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  publish
} from "./chunk-L53D3DGA.js";
import "./chunk-YL5KTLWO.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-JY5DQUYR.js";
import "./chunk-TMAU2GVV.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  publish
};

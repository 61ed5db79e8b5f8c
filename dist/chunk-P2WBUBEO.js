import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  safeText
} from "./chunk-MEH5RECA.js";
import {
  error,
  notice,
  warning
} from "./chunk-IUBWPHFZ.js";

// src/action/annotation-count.ts
var GITHUB_LIMITS = { error: 10, warning: 10, notice: 10, total: 50 };
var issued = { error: 0, warning: 0, notice: 0 };
function error2(message, properties) {
  issued.error++;
  error(safe(message), safeProperties(properties));
}
function warning2(message, properties) {
  issued.warning++;
  warning(safe(message), safeProperties(properties));
}
function notice2(message, properties) {
  issued.notice++;
  notice(safe(message), safeProperties(properties));
}
var safe = (text) => safeText(text, { keepLineBreaks: true });
function safeProperties(p) {
  if (!p) return p;
  return { ...p, ...p.file !== void 0 ? { file: safe(p.file) } : {}, ...p.title !== void 0 ? { title: safe(p.title) } : {} };
}
function slotsLeft(limits = GITHUB_LIMITS) {
  const error3 = Math.max(0, limits.error - issued.error - 1);
  const warning3 = Math.max(0, limits.warning - issued.warning);
  const notice3 = Math.max(0, limits.notice - issued.notice);
  const total = Math.max(0, limits.total - issued.error - issued.warning - issued.notice - 1);
  return { error: error3, warning: warning3, notice: notice3, total };
}

export {
  error2 as error,
  warning2 as warning,
  notice2 as notice,
  slotsLeft
};

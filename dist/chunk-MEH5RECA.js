import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/terminal.ts
var NAMED = {
  "\0": "\\0",
  "\x07": "\\a",
  "\b": "\\b",
  "	": "\\t",
  "\n": "\\n",
  "\v": "\\v",
  "\f": "\\f",
  "\r": "\\r",
  "\x1B": "\\e"
};
var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/g;
function safeText(text, options = {}) {
  if (!/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/.test(text)) return text;
  return text.replace(INVISIBLE, (c) => {
    if (c === "	" && options.keepTabs) return c;
    if ((c === "\n" || c === "\r") && options.keepLineBreaks) return c;
    const named = NAMED[c];
    if (named !== void 0) return named;
    const code = c.charCodeAt(0);
    return code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16).toUpperCase().padStart(4, "0")}}`;
  });
}
function safeLine(line) {
  return line.replace(/^(\s*)(::|##\[)/, (_m, blanks, cmd) => `${blanks}\\x${cmd.charCodeAt(0).toString(16)}${cmd.slice(1)}`);
}
function neutraliseTerminal(text) {
  return safeLine(safeText(text));
}

export {
  safeText,
  safeLine,
  neutraliseTerminal
};

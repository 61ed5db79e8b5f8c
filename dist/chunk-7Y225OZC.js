import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  safeLine,
  safeText
} from "./chunk-MEH5RECA.js";
import {
  SEVERITY_RANK,
  fingerprintOf,
  fixGroupLabel
} from "./chunk-6PPQRKPD.js";
import {
  applyEdits
} from "./chunk-PTN6QAU2.js";

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path, added, removed, oldPosInc, options) {
    const last = path.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/parse.js
function parsePatch(uniDiff) {
  const diffstr = uniDiff.split(/\n/), list = [];
  let i = 0;
  function isGitDiffHeader(line) {
    return /^diff --git /.test(line);
  }
  function isDiffHeader(line) {
    return isGitDiffHeader(line) || /^Index:\s/.test(line) || /^diff(?: -r \w+)+\s/.test(line);
  }
  function isFileHeader(line) {
    return /^(---|\+\+\+)\s/.test(line);
  }
  function isHunkHeader(line) {
    return /^@@\s/.test(line);
  }
  function parseIndex() {
    var _a;
    const index = {};
    index.hunks = [];
    list.push(index);
    let seenDiffHeader = false;
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isFileHeader(line) || isHunkHeader(line)) {
        break;
      }
      if (isGitDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        index.isGit = true;
        const paths = parseGitDiffHeader(line);
        if (paths) {
          index.oldFileName = paths.oldFileName;
          index.newFileName = paths.newFileName;
        }
        i++;
        while (i < diffstr.length) {
          const extLine = diffstr[i];
          if (isFileHeader(extLine) || isHunkHeader(extLine) || isDiffHeader(extLine)) {
            break;
          }
          const renameFromMatch = /^rename from (.*)/.exec(extLine);
          if (renameFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(renameFromMatch[1]);
            index.isRename = true;
          }
          const renameToMatch = /^rename to (.*)/.exec(extLine);
          if (renameToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(renameToMatch[1]);
            index.isRename = true;
          }
          const copyFromMatch = /^copy from (.*)/.exec(extLine);
          if (copyFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(copyFromMatch[1]);
            index.isCopy = true;
          }
          const copyToMatch = /^copy to (.*)/.exec(extLine);
          if (copyToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(copyToMatch[1]);
            index.isCopy = true;
          }
          const newFileModeMatch = /^new file mode (\d+)/.exec(extLine);
          if (newFileModeMatch) {
            index.isCreate = true;
            index.newMode = newFileModeMatch[1];
          }
          const deletedFileModeMatch = /^deleted file mode (\d+)/.exec(extLine);
          if (deletedFileModeMatch) {
            index.isDelete = true;
            index.oldMode = deletedFileModeMatch[1];
          }
          const oldModeMatch = /^old mode (\d+)/.exec(extLine);
          if (oldModeMatch) {
            index.oldMode = oldModeMatch[1];
          }
          const newModeMatch = /^new mode (\d+)/.exec(extLine);
          if (newModeMatch) {
            index.newMode = newModeMatch[1];
          }
          if (/^Binary files /.test(extLine)) {
            index.isBinary = true;
          }
          i++;
        }
        continue;
      } else if (isDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        const headerMatch = /^(?:Index:|diff(?: -r \w+)+)\s+/.exec(line);
        if (headerMatch) {
          index.index = line.substring(headerMatch[0].length).trim();
        }
      }
      i++;
    }
    parseFileHeader(index);
    parseFileHeader(index);
    if (index.oldFileName === void 0 !== (index.newFileName === void 0)) {
      throw new Error("Missing " + (index.oldFileName !== void 0 ? '"+++ ..."' : '"--- ..."') + " file header for " + ((_a = index.oldFileName) !== null && _a !== void 0 ? _a : index.newFileName));
    }
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isDiffHeader(line) || isFileHeader(line) || /^===================================================================/.test(line)) {
        break;
      } else if (isHunkHeader(line)) {
        index.hunks.push(parseHunk());
      } else {
        i++;
      }
    }
  }
  function parseGitDiffHeader(line) {
    const rest = line.substring("diff --git ".length);
    if (rest.startsWith('"')) {
      const oldPath = parseQuotedFileName(rest);
      if (oldPath === null) {
        return null;
      }
      const afterOld = rest.substring(oldPath.rawLength + 1);
      let newFileName;
      if (afterOld.startsWith('"')) {
        const newPath = parseQuotedFileName(afterOld);
        if (newPath === null) {
          return null;
        }
        newFileName = newPath.fileName;
      } else {
        newFileName = afterOld;
      }
      return {
        oldFileName: oldPath.fileName,
        newFileName
      };
    }
    const quoteIdx = rest.indexOf('"');
    if (quoteIdx > 0) {
      const oldFileName = rest.substring(0, quoteIdx - 1);
      const newPath = parseQuotedFileName(rest.substring(quoteIdx));
      if (newPath === null) {
        return null;
      }
      return {
        oldFileName,
        newFileName: newPath.fileName
      };
    }
    if (rest.startsWith("a/")) {
      const splits = [];
      let idx = 0;
      while (true) {
        idx = rest.indexOf(" b/", idx + 1);
        if (idx === -1) {
          break;
        }
        splits.push(idx);
      }
      if (splits.length > 0) {
        const mid = splits[Math.floor(splits.length / 2)];
        return {
          oldFileName: rest.substring(0, mid),
          newFileName: rest.substring(mid + 1)
        };
      }
    }
    return null;
  }
  function unquoteIfQuoted(s) {
    if (s.startsWith('"')) {
      const parsed = parseQuotedFileName(s);
      if (parsed) {
        return parsed.fileName;
      }
    }
    return s;
  }
  function parseQuotedFileName(s) {
    if (!s.startsWith('"')) {
      return null;
    }
    let result = "";
    let j = 1;
    while (j < s.length) {
      if (s[j] === '"') {
        return { fileName: result, rawLength: j + 1 };
      }
      if (s[j] === "\\" && j + 1 < s.length) {
        j++;
        switch (s[j]) {
          case "a":
            result += "\x07";
            break;
          case "b":
            result += "\b";
            break;
          case "f":
            result += "\f";
            break;
          case "n":
            result += "\n";
            break;
          case "r":
            result += "\r";
            break;
          case "t":
            result += "	";
            break;
          case "v":
            result += "\v";
            break;
          case "\\":
            result += "\\";
            break;
          case '"':
            result += '"';
            break;
          case "0":
          case "1":
          case "2":
          case "3":
          case "4":
          case "5":
          case "6":
          case "7": {
            if (j + 2 >= s.length || s[j + 1] < "0" || s[j + 1] > "7" || s[j + 2] < "0" || s[j + 2] > "7") {
              return null;
            }
            const bytes = [parseInt(s.substring(j, j + 3), 8)];
            j += 3;
            while (s[j] === "\\" && s[j + 1] >= "0" && s[j + 1] <= "7") {
              if (j + 3 >= s.length || s[j + 2] < "0" || s[j + 2] > "7" || s[j + 3] < "0" || s[j + 3] > "7") {
                return null;
              }
              bytes.push(parseInt(s.substring(j + 1, j + 4), 8));
              j += 4;
            }
            result += new TextDecoder("utf-8").decode(new Uint8Array(bytes));
            continue;
          }
          // Note that in C, there are also three kinds of hex escape sequences:
          // - \xhh
          // - \uhhhh
          // - \Uhhhhhhhh
          // We do not bother to parse them here because, so far as we know,
          // they are never emitted by any tools that generate unified diff
          // format diffs, and so for now jsdiff does not consider them legal.
          default:
            return null;
        }
      } else {
        result += s[j];
      }
      j++;
    }
    return null;
  }
  function parseFileHeader(index) {
    const fileHeaderMatch = /^(---|\+\+\+)\s+/.exec(diffstr[i]);
    if (fileHeaderMatch) {
      const prefix = fileHeaderMatch[1], data = diffstr[i].substring(3).trim().split("	", 2), header = (data[1] || "").trim();
      let fileName = data[0];
      if (fileName.startsWith('"')) {
        fileName = unquoteIfQuoted(fileName);
      } else {
        fileName = fileName.replace(/\\\\/g, "\\");
      }
      if (prefix === "---") {
        index.oldFileName = fileName;
        index.oldHeader = header;
      } else {
        index.newFileName = fileName;
        index.newHeader = header;
      }
      i++;
    }
  }
  function parseHunk() {
    var _a;
    const chunkHeaderIndex = i, chunkHeaderLine = diffstr[i++], chunkHeader = chunkHeaderLine.split(/@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/);
    const hunk = {
      oldStart: +chunkHeader[1],
      oldLines: typeof chunkHeader[2] === "undefined" ? 1 : +chunkHeader[2],
      newStart: +chunkHeader[3],
      newLines: typeof chunkHeader[4] === "undefined" ? 1 : +chunkHeader[4],
      lines: []
    };
    if (hunk.oldLines === 0) {
      hunk.oldStart += 1;
    }
    if (hunk.newLines === 0) {
      hunk.newStart += 1;
    }
    let addCount = 0, removeCount = 0;
    for (; i < diffstr.length && (removeCount < hunk.oldLines || addCount < hunk.newLines || ((_a = diffstr[i]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"))); i++) {
      const operation = diffstr[i].length == 0 && i != diffstr.length - 1 ? " " : diffstr[i][0];
      if (operation === "+" || operation === "-" || operation === " " || operation === "\\") {
        hunk.lines.push(diffstr[i]);
        if (operation === "+") {
          addCount++;
        } else if (operation === "-") {
          removeCount++;
        } else if (operation === " ") {
          addCount++;
          removeCount++;
        }
      } else {
        throw new Error(`Hunk at line ${chunkHeaderIndex + 1} contained invalid line ${diffstr[i]}`);
      }
    }
    if (!addCount && hunk.newLines === 1) {
      hunk.newLines = 0;
    }
    if (!removeCount && hunk.oldLines === 1) {
      hunk.oldLines = 0;
    }
    if (addCount !== hunk.newLines) {
      throw new Error("Added line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (removeCount !== hunk.oldLines) {
      throw new Error("Removed line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (i < diffstr.length && diffstr[i] && /^[+ -]/.test(diffstr[i]) && !isFileHeader(diffstr[i])) {
      throw new Error("Hunk at line " + (chunkHeaderIndex + 1) + " has more lines than expected (expected " + hunk.oldLines + " old lines and " + hunk.newLines + " new lines)");
    }
    return hunk;
  }
  while (i < diffstr.length) {
    parseIndex();
  }
  return list;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
var FILE_HEADERS_ONLY = {
  includeIndex: false,
  includeUnderline: false,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/report/patch.ts
var PATCH_CONTEXT_LINES = 3;
function diffTexts(file, before, after) {
  if (before === after) return "";
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, void 0, void 0, {
    context: PATCH_CONTEXT_LINES,
    headerOptions: FILE_HEADERS_ONLY
  });
}
function patchForEdits(file, text, edits) {
  if (edits.length === 0) return "";
  const margin = 2 * PATCH_CONTEXT_LINES + 1;
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const windows = [];
  for (const e of sorted) {
    let start = text.lastIndexOf("\n", e.range[0] - 1) + 1;
    for (let i = 0; i < margin && start > 0; i++) start = text.lastIndexOf("\n", start - 2) + 1;
    let end = e.range[1];
    for (let i = 0; i <= margin && end < text.length; i++) {
      const nl = text.indexOf("\n", end);
      end = nl < 0 ? text.length : nl + 1;
    }
    const last = windows[windows.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.edits.push(e);
    } else windows.push({ start, end, edits: [e] });
  }
  let header = "";
  let body = "";
  let linesBefore = 0;
  let scanned = 0;
  let added = 0;
  for (const w of windows) {
    linesBefore += countNewlines(text, scanned, w.start);
    scanned = w.start;
    const before = text.slice(w.start, w.end);
    const after = applyEdits(before, w.edits.map((e) => ({ range: [e.range[0] - w.start, e.range[1] - w.start], text: e.text })));
    const patch = diffTexts(file, before, after);
    if (patch === "") continue;
    const at = patch.indexOf("\n@@");
    header = patch.slice(0, at + 1);
    const oldOffset = linesBefore;
    const newOffset = linesBefore + added;
    body += patch.slice(at + 1).replace(/^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@/gm, (_m, a, b = "", c, d = "") => `@@ -${Number(a) + oldOffset}${b} +${Number(c) + newOffset}${d} @@`);
    added += countNewlines(after, 0, after.length) - countNewlines(before, 0, before.length);
  }
  return header + body;
}
function countNewlines(text, from, end) {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
function patchForFixGroup(group, originalText) {
  if (!group.verified) return "";
  return patchForEdits(group.file, originalText, group.edits);
}
function patchForFile(file, originalText) {
  if (file.fixedText === void 0) return "";
  if (file.fixedEdits) return patchForEdits(file.path, originalText, file.fixedEdits);
  return diffTexts(file.path, originalText, file.fixedText);
}

// src/report/summary.ts
function summarize(result) {
  const active = activeFindings(result.findings);
  const bySeverity = (s) => active.filter((f) => f.severity === s).length;
  return {
    findings: active.length,
    suppressed: result.findings.length - active.length,
    errors: bySeverity("error"),
    warnings: bySeverity("warning"),
    info: bySeverity("info"),
    files: result.files.length,
    skippedFiles: result.files.filter((f) => f.skipped !== void 0).length,
    skippedDocuments: result.files.reduce((n, f) => n + f.skippedDocuments.length, 0),
    manifests: result.files.reduce((n, f) => n + f.manifests, 0),
    parseErrors: result.files.reduce((n, f) => n + f.problems.filter((p) => p.severity === "error").length, 0),
    parseWarnings: result.files.reduce((n, f) => n + f.problems.filter((p) => p.severity === "warning").length, 0),
    fixable: active.filter((f) => isFixable(f, result)).length,
    fixes: result.fixes.filter((g) => g.verified).length,
    fixableFiles: result.files.filter((f) => f.fixedText !== void 0).length
  };
}
function addSummaries(a, b) {
  const out = { ...a };
  for (const k of Object.keys(b)) out[k] = a[k] + b[k];
  return out;
}
function isFixable(finding, result) {
  return finding.fixId !== void 0 && verifiedFixIds(result).has(finding.fixId);
}
var verifiedIdsCache = /* @__PURE__ */ new WeakMap();
function verifiedFixIds(result) {
  const cached = verifiedIdsCache.get(result);
  if (cached && cached.fixes === result.fixes.length) return cached.ids;
  const ids = new Set(result.fixes.filter((g) => g.verified).map((g) => g.id));
  verifiedIdsCache.set(result, { fixes: result.fixes.length, ids });
  return ids;
}
function activeFindings(findings) {
  return findings.filter((f) => f.suppressed === void 0);
}
function findingsAtOrAbove(findings, level) {
  return findings.filter((f) => f.suppressed === void 0 && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}
function nothingChecked(s) {
  return s.manifests === 0 && s.findings === 0 && s.suppressed === 0;
}
function nothingCheckedWarning(s) {
  const why = s.files === 0 ? "no file matched the paths and the include/exclude globs" : s.skippedFiles === s.files ? `${s.files === 1 ? "the 1 file found was" : `all ${s.files} files found were`} skipped` : `${s.files === 1 ? "the 1 file found holds" : `the ${s.files} files found hold`} no Kubernetes object${s.skippedFiles > 0 ? ` or were skipped` : ""}`;
  return `no Kubernetes manifest was checked: ${why}`;
}
function plural(n, singular, pluralForm = `${singular}s`) {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
function summaryLine(s) {
  const suppressed = s.suppressed > 0 ? `; ${s.suppressed} suppressed by exemptions` : "";
  return `${plural(s.findings, "finding")} (${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${s.info} info) in ${plural(s.files, "file")}; ${s.fixable} fixable${suppressed}`;
}

// src/report/text.ts
var ANSI = { red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, dim: 2, bold: 1 };
var INDENT = "    ";
function formatText(result, sources, options = {}) {
  const paint = (c, s) => options.color ? `\x1B[${ANSI[c]}m${s}\x1B[0m` : s;
  const textOf = new Map(sources.map((s) => [s.path, s.text]));
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const shown = /* @__PURE__ */ new Set();
  const out = [];
  const pushPatch = (patch) => {
    let inHunk = false;
    for (const raw of patch.replace(/\n$/, "").split("\n")) {
      const line2 = safeText(raw.replace(/\r$/, ""), { keepTabs: true });
      inHunk ||= line2.startsWith("@@");
      out.push(INDENT + colourDiffLine(line2, inHunk, paint));
    }
  };
  for (const f of result.findings) {
    out.push(findingLine(f, paint));
    if (f.suppressed) {
      out.push(INDENT + paint("dim", `suppressed by ${safeText(f.suppressed.source)}: ${safeText(f.suppressed.justification || "(no reason given)")}`));
      continue;
    }
    const group = f.fixId !== void 0 ? groups.get(f.fixId) : void 0;
    const original = textOf.get(f.file);
    if (group?.verified) {
      if (shown.has(group.id)) out.push(INDENT + paint("dim", "fix: included in the patch above"));
      else if (original !== void 0) {
        shown.add(group.id);
        out.push(INDENT + `fix (${safeText(fixGroupLabel(group))}):`);
        pushPatch(safePatch(() => patchForFixGroup(group, original)));
      } else out.push(INDENT + "fix available (run `kube-immutable fix`)");
    }
    if (f.fixProblem !== void 0) out.push(INDENT + paint("yellow", `fix withheld: ${safeText(f.fixProblem)}`));
    for (const s of f.suggestions) {
      out.push(INDENT + `Suggestion: ${safeText(s.message)}`);
      if (original !== void 0) pushPatch(safePatch(() => patchForEdits(f.file, original, s.edits)));
    }
  }
  const notes = [];
  for (const file of result.files) {
    const path = safeText(file.path);
    if (file.skipped !== void 0) notes.push(`${path}: skipped: ${safeText(file.skipped)}`);
    if (options.verbose) {
      for (const d of file.skippedDocuments) notes.push(`${path}:${d.line}: document ${d.docIndex + 1} skipped: ${safeText(d.reason)}`);
    }
    const errors = file.problems.filter((p) => p.severity === "error").length;
    const warnings = file.problems.length - errors;
    if (file.problems.length > 0) {
      notes.push(`${path}: ${plural(errors, "YAML parse error")}, ${plural(warnings, "YAML parse warning")}`);
      if (options.verbose) for (const p of file.problems) notes.push(`${INDENT}${path}:${p.line}:${p.column}  ${p.severity}  ${safeText(p.code)}  ${safeText(p.message)}`);
    }
  }
  if (notes.length > 0) {
    if (out.length > 0) out.push("");
    out.push(...notes);
  }
  const summary = summarize(result);
  if (nothingChecked(summary)) {
    if (out.length > 0) out.push("");
    out.push(paint("yellow", `warning: ${nothingCheckedWarning(summary)}`));
  }
  if (out.length > 0) out.push("");
  let line = summaryLine(summary);
  if (summary.skippedFiles > 0) line += `; ${plural(summary.skippedFiles, "file")} skipped`;
  if (!options.verbose && summary.skippedDocuments > 0) line += `; ${plural(summary.skippedDocuments, "document")} skipped (--verbose lists them)`;
  out.push(paint("bold", line));
  return out.map(safeLine).join("\n") + "\n";
}
function findingLine(f, paint = (_c, s) => s) {
  return safeLine(`${safeText(f.file)}:${f.range.start.line}:${f.range.start.column}  ${paint(SEVERITY_COLOUR[f.severity], f.severity)}  ${safeText(f.policyId)}  ${safeText(f.message)}`);
}
var SEVERITY_COLOUR = { error: "red", warning: "yellow", info: "blue" };
function colourDiffLine(line, inHunk, paint) {
  if (!inHunk) return paint("bold", line);
  if (line.startsWith("+")) return paint("green", line);
  if (line.startsWith("-")) return paint("red", line);
  if (line.startsWith("@@")) return paint("cyan", line);
  return line;
}
function safePatch(make) {
  try {
    return make();
  } catch (err) {
    return `(no patch: ${err.message})`;
  }
}

// src/report/json.ts
var JSON_REPORT_VERSION = 1;
function formatJson(result, sources, options) {
  return JSON.stringify(toJsonReport(result, sources, options), (_k, v) => v === void 0 ? null : v, 2) + "\n";
}
function toJsonReport(result, sources, options) {
  const textOf = new Map(sources.map((s) => [s.path, s.text]));
  const files = result.files.map((f) => {
    const text = textOf.get(f.path);
    return {
      path: f.path,
      skipped: f.skipped ?? null,
      skippedDocuments: f.skippedDocuments,
      problems: f.problems,
      manifests: f.manifests,
      fixable: f.fixedText !== void 0,
      patch: text === void 0 ? "" : patchForFile(f, text)
    };
  });
  const findings = result.findings.map((f) => ({
    policyId: f.policyId,
    severity: f.severity,
    messageId: f.messageId,
    message: f.message,
    file: f.file,
    range: f.range,
    object: f.object,
    container: f.container,
    fingerprint: f.fingerprint,
    fixId: f.fixId,
    fixProblem: f.fixProblem,
    suggestions: f.suggestions,
    suppressed: f.suppressed
  }));
  const fixes = result.fixes.map((g) => {
    const text = textOf.get(g.file);
    let patch = "";
    try {
      if (text !== void 0) patch = patchForFixGroup(g, text);
    } catch {
      patch = "";
    }
    return {
      id: g.id,
      file: g.file,
      docIndex: g.docIndex,
      object: g.object,
      container: g.container ?? null,
      findings: g.findings,
      verified: g.verified,
      problem: g.problem ?? null,
      edits: g.edits,
      patch
    };
  });
  const exemptions = (result.exemptions ?? []).map((e) => ({
    ...e,
    object: { ...e.object, namespace: e.object.namespace ?? null },
    containers: e.containers ?? null,
    expires: e.expires ?? null,
    atBase: e.atBase ?? null
  }));
  const summary = summarize(result);
  const warnings = nothingChecked(summary) ? [nothingCheckedWarning(summary)] : [];
  return { version: JSON_REPORT_VERSION, tool: { name: "kube-immutable", version: options.toolVersion }, summary, files, findings, fixes, exemptions, warnings };
}

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/kube-immutable/kube-immutable";
var SARIF_LEVEL = { error: "error", warning: "warning", info: "note" };
var SECURITY_SEVERITY = { error: "8.0", warning: "5.0", info: "2.0" };
var SEVERITY_ORDER = { info: 1, warning: 2, error: 3 };
var POLICY_ERROR_ID = "policy-error";
function artifactUri(path) {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "").split("/").map((seg) => encodeURIComponent(seg)).join("/");
}
function ruleName(id) {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c) => c.toUpperCase());
}
function ruleOf(policy) {
  const m = policy.meta;
  const peers = m.peers ? Object.entries(m.peers).map(([tool, id]) => `${tool}: ${id}`).join(", ") : "";
  return {
    id: policy.id,
    name: ruleName(policy.id),
    shortDescription: { text: m.description },
    fullDescription: { text: `${m.description} ${m.remediation}` },
    help: {
      text: m.remediation,
      markdown: `**${m.description}**

${m.remediation}

${peers ? `Same check in other tools: ${peers}.

` : ""}[Documentation](${m.docsUrl})`
    },
    helpUri: m.docsUrl,
    defaultConfiguration: { level: SARIF_LEVEL[m.defaultSeverity] },
    properties: { tags: ["security", m.category, "kubernetes"], "security-severity": SECURITY_SEVERITY[m.defaultSeverity], precision: "high" }
  };
}
var POLICY_ERROR_RULE = {
  id: POLICY_ERROR_ID,
  name: "PolicyError",
  shortDescription: { text: "A policy failed while checking a file." },
  fullDescription: { text: "A policy threw an error on a file, so that file was not fully checked by it. This is a bug in the policy or an input it does not handle." },
  help: {
    text: "Report the message as a bug of kube-immutable; the other policies still ran on the file.",
    markdown: "**A policy failed while checking a file.**\n\nReport the message as a bug of kube-immutable; the other policies still ran on the file."
  },
  defaultConfiguration: { level: "error" },
  properties: { tags: ["reliability"] }
};
function formatSarif(result, policies, options) {
  return [...sarifChunks(result, policies, options)].join("");
}
function* sarifChunks(result, policies, options) {
  const { log, count, resultAt } = sarifParts(result, policies, options);
  const text = JSON.stringify(log, null, 2);
  const marker = '\n      "results": []';
  const at = text.indexOf(marker);
  yield `${text.slice(0, at)}
      "results": [`;
  for (let i = 0; i < count; i++) yield `${i > 0 ? "," : ""}
        ${JSON.stringify(resultAt(i), null, 2).replace(/\n/g, "\n        ")}`;
  yield `${count > 0 ? "\n      ]" : "]"}${text.slice(at + marker.length)}
`;
}
function toSarif(result, policies, options) {
  const { log, count, resultAt } = sarifParts(result, policies, options);
  for (let i = 0; i < count; i++) log.runs[0].results.push(resultAt(i));
  return log;
}
function sarifParts(result, policies, options) {
  const rules = policies.map(ruleOf);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndexOf = (id) => {
    let i = index.get(id);
    if (i === void 0) {
      const rule = id === POLICY_ERROR_ID ? POLICY_ERROR_RULE : { ...POLICY_ERROR_RULE, id, name: ruleName(id), shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id, markdown: id } };
      i = rules.push(rule) - 1;
      index.set(id, i);
    }
    return i;
  };
  for (const f of result.findings) ruleIndexOf(f.policyId);
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const requested = /* @__PURE__ */ new Map();
  for (const e of result.exemptions ?? []) {
    if (e.honoured) continue;
    const status = e.refusals.every((x) => x === "notAtBase") ? "underReview" : "rejected";
    const s2 = { kind: "inSource", status, justification: `${e.reason} (annotation ${e.key} at ${e.file}:${e.line}: not honoured: ${e.why})` };
    for (const fp of e.fingerprints) requested.set(fp, [...requested.get(fp) ?? [], s2]);
  }
  const holder = /* @__PURE__ */ new Map();
  result.findings.forEach((f, i) => {
    const g = f.fixId !== void 0 ? groups.get(f.fixId) : void 0;
    if (!g?.verified || g.edits.length === 0) return;
    const at = holder.get(g.id);
    if (at === void 0 || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[result.findings[at].severity]) holder.set(g.id, i);
  });
  const resultAt = (i) => {
    const f = result.findings[i];
    const r = {
      ruleId: f.policyId,
      ruleIndex: ruleIndexOf(f.policyId),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region: regionOf(f) } }],
      partialFingerprints: { primaryLocationLineHash: f.fingerprint }
    };
    if (f.suppressed) r.suppressions = [{ kind: f.suppressed.kind, status: "accepted", justification: `${f.suppressed.justification} (${f.suppressed.source})` }];
    else if (requested.has(f.fingerprint)) r.suppressions = requested.get(f.fingerprint);
    const at = f.fixId !== void 0 ? holder.get(f.fixId) : void 0;
    if (at === i) {
      r.fixes = [fixOf(groups.get(f.fixId))];
      r.properties = { fixId: f.fixId };
    } else if (at !== void 0) r.properties = { fixId: f.fixId, fixInResult: at };
    return r;
  };
  const notifications = result.files.filter((f) => f.skipped !== void 0).map((f) => ({
    level: "note",
    message: { text: `${f.path}: skipped: ${f.skipped}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.path) } } }]
  }));
  const s = summarize(result);
  if (nothingChecked(s)) notifications.push({ level: "warning", message: { text: nothingCheckedWarning(s) } });
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "kube-immutable", version: options.toolVersion, semanticVersion: options.toolVersion, informationUri: INFORMATION_URI, rules } },
        columnKind: "utf16CodeUnits",
        results: [],
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }]
      }
    ]
  };
  return { log, count: result.findings.length, resultAt };
}
function regionOf(f) {
  const { start, end } = f.range;
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}
function fixOf(g) {
  const target = fixGroupLabel(g);
  return {
    description: { text: `kube-immutable fix for ${target}` },
    artifactChanges: [
      {
        artifactLocation: { uri: artifactUri(g.file) },
        replacements: [...g.edits].sort((a, b) => a.range[0] - b.range[0]).map((e) => ({ deletedRegion: { charOffset: e.range[0], charLength: e.range[1] - e.range[0] }, insertedContent: { text: e.text } }))
      }
    ]
  };
}

// src/report/github.ts
var GITHUB_COMMAND = { error: "error", warning: "warning", info: "notice" };
function escapeData(s) {
  if (!/[%\r\n]/.test(s)) return s;
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  if (!/[%\r\n:,]/.test(s)) return s;
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(command, properties, message) {
  const props = Object.entries(properties).filter(([, v]) => v !== void 0).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${command}${props ? " " + props : ""}::${escapeData(message)}`;
}
function findingCommand(f) {
  const { start, end } = f.range;
  const oneLine2 = start.line === end.line;
  return workflowCommand(
    GITHUB_COMMAND[f.severity],
    {
      file: safeText(f.file, { keepLineBreaks: true }),
      line: start.line,
      col: oneLine2 ? start.column : void 0,
      endLine: end.line,
      endColumn: oneLine2 ? end.column : void 0,
      title: f.policyId
    },
    safeText(f.message, { keepLineBreaks: true })
  );
}
function formatGithub(result) {
  const writer = githubReportWriter();
  return writer.add(result) + writer.finish();
}
function githubReportWriter() {
  const notices = [];
  let summary;
  return {
    add(part) {
      let out = "";
      for (const f of part.findings) if (!f.suppressed) out += findingCommand(f) + "\n";
      for (const f of part.files) {
        if (f.skipped !== void 0) notices.push(workflowCommand("notice", { file: safeText(f.path, { keepLineBreaks: true }), title: "kube-immutable: file skipped" }, safeText(f.skipped, { keepLineBreaks: true })));
      }
      const s = summarize(part);
      summary = summary ? addSummaries(summary, s) : s;
      return out;
    },
    finish() {
      const s = this.summary;
      const lines = [...notices, ...nothingChecked(s) ? [workflowCommand("warning", { title: "kube-immutable" }, nothingCheckedWarning(s))] : [], summaryLine(s)];
      return lines.join("\n") + "\n";
    },
    get summary() {
      return summary ?? summarize({ files: [], findings: [], fixes: [] });
    }
  };
}

// src/report/diff-hunks.ts
function parsePatch2(patch) {
  if (patch.trim() === "") return [];
  let parsed;
  try {
    parsed = parsePatch(patch);
  } catch (err) {
    throw new Error(`malformed patch: ${err.message}`);
  }
  return parsed.flatMap((p) => p.hunks.map(toHunk));
}
function hunksBetween(baseText, headText) {
  const p = structuredPatch("a", "b", baseText ?? "", headText, void 0, void 0, { context: PATCH_CONTEXT_LINES });
  return p.hunks.map(toHunk);
}
function toHunk(h) {
  const rightLines = [];
  const addedLines = [];
  let line = h.newStart;
  for (const l of h.lines) {
    const c = l.charAt(0);
    if (c === "+") {
      rightLines.push(line);
      addedLines.push(line);
      line++;
    } else if (c === " " || l === "") {
      rightLines.push(line);
      line++;
    }
  }
  return { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, rightLines, addedLines };
}
function findHunk(hunks, startLine, endLine, mode) {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || startLine > endLine) return void 0;
  for (const h of hunks) {
    const lines = mode === "added" ? h.addedLines : h.rightLines;
    const i = lines.indexOf(startLine);
    if (i < 0) continue;
    const j = i + (endLine - startLine);
    if (j < lines.length && lines[j] === endLine) return h;
  }
  return void 0;
}
function lineInHunks(hunks, line, mode) {
  return findHunk(hunks, line, line, mode) !== void 0;
}

// src/report/markdown.ts
var ZWSP = "\u200B";
var MD_PUNCTUATION = new Set("\\`*_{}[]()#+-.!|~$^=".split(""));
function neutraliseAutolinks(text) {
  return text.replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`).replace(/#(?=\d)/g, `#${ZWSP}`).replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`).replace(/:\/\//g, `:${ZWSP}//`).replace(/\b(www)\./gi, `$1${ZWSP}.`);
}
function oneLine(text) {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
}
var INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
function showInvisible(text) {
  return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`);
}
function escapeMarkdown(text) {
  let out = "";
  for (const ch of neutraliseAutolinks(showInvisible(oneLine(text)))) {
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (MD_PUNCTUATION.has(ch)) out += "\\" + ch;
    else out += ch;
  }
  return out;
}
function escapeHtml(text) {
  return neutraliseAutolinks(showInvisible(oneLine(text))).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function longestBacktickRun(text) {
  let max = 0;
  for (const m of text.matchAll(/`+/g)) max = Math.max(max, m[0].length);
  return max;
}
function inlineCode(text, inTable = false) {
  let body = showInvisible(oneLine(text));
  if (inTable) body = body.replace(/\|/g, "\\|");
  const ticks = "`".repeat(longestBacktickRun(body) + 1);
  return `${ticks} ${body} ${ticks}`;
}
function fence(content, info = "") {
  if (/[\s`]/.test(info)) throw new TypeError(`fence: info must be one word without backticks, got ${JSON.stringify(info)}`);
  const ticks = "`".repeat(Math.max(3, longestBacktickRun(content) + 1));
  return `${ticks}${info}
${content}
${ticks}`;
}
var MARKER_PREFIX = "<!-- kube-immutable:";
var MARKER_RE = /(?:^|\n)<!-- kube-immutable:([^>\r\n]*?) -->[ \t\r\n]*$/;
function fingerprintMarker(m) {
  const fps = typeof m.fingerprint === "string" ? [m.fingerprint] : [...m.fingerprint];
  const parts = [`fp=${fps.map(encodeURIComponent).join(",")}`];
  if (m.fixId !== void 0) parts.push(`fix=${encodeURIComponent(m.fixId)}`);
  if (m.line !== void 0) parts.push(`line=${Math.trunc(m.line)}`);
  return `${MARKER_PREFIX}${parts.join(";")} -->`;
}
function parseMarker(body) {
  const m = MARKER_RE.exec(body);
  if (!m) return void 0;
  const out = { fingerprints: [] };
  try {
    for (const part of m[1].split(";")) {
      const eq = part.indexOf("=");
      if (eq < 0) continue;
      const key = part.slice(0, eq);
      const value = part.slice(eq + 1);
      if (key === "fp") out.fingerprints = value === "" ? [] : value.split(",").map(decodeURIComponent);
      else if (key === "fix") out.fixId = decodeURIComponent(value);
      else if (key === "line" && /^\d+$/.test(value)) out.line = Number(value);
    }
  } catch {
    return void 0;
  }
  return out.fingerprints.length > 0 ? out : void 0;
}
function safeUrl(url) {
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(url)) return void 0;
  return url.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function blobUrl(repoUrl, sha, path, line) {
  const base = `${repoUrl.replace(/\/+$/, "")}/blob/${encodeURIComponent(sha)}/${artifactUri(path)}`;
  const url = line !== void 0 ? `${base}#L${line}` : base;
  return safeUrl(url) ?? url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
}
function link(text, url) {
  const u = safeUrl(url);
  return u === void 0 ? escapeMarkdown(text) : `[${escapeMarkdown(text)}](${u})`;
}

// src/report/suggestion.ts
function lineTable(text) {
  const starts = [];
  const contentEnds = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    starts.push(pos);
    if (nl < 0) {
      contentEnds.push(text.length);
      break;
    }
    contentEnds.push(nl > pos && text[nl - 1] === "\r" ? nl - 1 : nl);
    pos = nl + 1;
  }
  return { starts, contentEnds };
}
function lineOf(t, offset, textLength) {
  const n = t.starts.length;
  if (n > 0 && offset === textLength && t.contentEnds[n - 1] < textLength) return n + 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (t.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function buildSuggestion(headText, edits, hunks, mode) {
  if (edits.length === 0) return { reason: "the fix has no edits" };
  let newText;
  try {
    newText = applyEdits(headText, edits);
  } catch (err) {
    return { reason: `the fix cannot be applied: ${err.message}` };
  }
  if (newText === headText) return { reason: "the suggestion would change nothing" };
  const t = lineTable(headText);
  const n = t.starts.length;
  if (n === 0) return { reason: "the file is empty: there is no line to anchor a suggestion on" };
  const a = Math.min(...edits.map((e) => e.range[0]));
  const b = Math.max(...edits.map((e) => e.range[1]));
  const sA = lineOf(t, a, headText.length);
  const eB = lineOf(t, b, headText.length);
  const startCandidates = [sA];
  if (sA > 1 && (sA > n || t.starts[sA - 1] === a)) startCandidates.unshift(sA - 1);
  const endCandidates = [eB];
  if (eB > 1 && (eB > n || t.starts[eB - 1] === b)) endCandidates.unshift(eB - 1);
  const candidates = [];
  for (const s of startCandidates) {
    for (const e of endCandidates) {
      if (s < 1 || e > n || s > e) continue;
      const prefix = t.starts[s - 1];
      const suffix = headText.length - t.contentEnds[e - 1];
      if (prefix + suffix > newText.length) continue;
      if (newText.slice(0, prefix) !== headText.slice(0, prefix)) continue;
      if (newText.slice(newText.length - suffix) !== headText.slice(headText.length - suffix)) continue;
      const content = newText.slice(prefix, newText.length - suffix);
      if (content === headText.slice(prefix, headText.length - suffix)) continue;
      candidates.push({ startLine: s, line: e, content });
    }
  }
  if (candidates.length === 0) return { reason: "the edits cannot be expressed as a replacement of whole lines" };
  candidates.sort((x, y) => x.line - x.startLine - (y.line - y.startLine) || x.startLine - y.startLine);
  for (const c of candidates) if (findHunk(hunks, c.startLine, c.line, mode)) return c;
  const best = candidates[0];
  if (best.startLine === best.line) return { reason: `line ${best.line} is not ${mode === "added" ? "an added line" : "in a diff hunk"}` };
  const lines = `lines ${best.startLine}-${best.line} are`;
  return { reason: mode === "added" ? `${lines} not all added lines of one diff hunk` : `${lines} not all in one diff hunk` };
}
function isSuggestion(x) {
  return "content" in x;
}
function applySuggestions(text, suggestions) {
  const t = lineTable(text);
  const sorted = [...suggestions].sort((x, y) => y.startLine - x.startLine);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].line >= sorted[i - 1].startLine) throw new RangeError(`suggestions on lines ${sorted[i].startLine}-${sorted[i].line} and ${sorted[i - 1].startLine}-${sorted[i - 1].line} overlap`);
  }
  let out = text;
  for (const s of sorted) {
    if (s.startLine < 1 || s.line > t.starts.length || s.startLine > s.line) throw new RangeError(`lines ${s.startLine}-${s.line} are outside the text`);
    out = out.slice(0, t.starts[s.startLine - 1]) + s.content + out.slice(t.contentEnds[s.line - 1]);
  }
  return out;
}

// src/report/review-comment.ts
var SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Info" };
function maxSeverity(findings) {
  let s = "info";
  for (const f of findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[s]) s = f.severity;
  return s;
}
function policyIds(findings) {
  return [...new Set(findings.map((f) => f.policyId))];
}
function headline(findings) {
  return `**${SEVERITY_LABEL[maxSeverity(findings)]}** \xB7 ${policyIds(findings).map((id) => inlineCode(id)).join(" \xB7 ")}`;
}
function subjectOf(findings, group) {
  if (group) return escapeMarkdown(fixGroupLabel(group));
  const o = findings[0]?.object;
  if (!o) return void 0;
  const c = findings[0].container;
  const obj = `${o.kind}/${o.namespace ?? ""}${o.namespace !== void 0 ? "/" : ""}${o.name}`;
  return escapeMarkdown(c ? `container "${c.name}" of ${obj}` : obj);
}
function messageLines(findings) {
  const out = [];
  for (const f of findings) {
    out.push(`- ${findings.length > 1 ? inlineCode(f.policyId) + ": " : ""}${escapeMarkdown(f.message)}`);
    if (f.fixProblem !== void 0) out.push(`  - No fix offered: ${escapeMarkdown(f.fixProblem)}`);
    for (const s of f.suggestions) out.push(`  - Alternative: ${escapeMarkdown(s.message)}`);
  }
  return out;
}
function remediationLines(findings, meta) {
  const out = [];
  for (const id of policyIds(findings)) {
    const m = meta.get(id);
    if (!m) continue;
    const docs = safeUrl(m.docsUrl);
    out.push(`> ${inlineCode(id)}: ${escapeMarkdown(m.remediation)}${docs ? ` ([docs](${docs}))` : ""}`);
    out.push(">");
  }
  if (out.length > 0) out.pop();
  return out;
}
function commentBody(c, meta) {
  const parts = [headline(c.findings)];
  const subject = subjectOf(c.findings, c.group);
  parts.push([...subject ? [`${subject}:`] : [], ...messageLines(c.findings)].join("\n"));
  const why = remediationLines(c.findings, meta);
  if (why.length > 0) parts.push(why.join("\n"));
  if (c.suggestion !== void 0) parts.push(fence(c.suggestion, "suggestion"));
  parts.push(fingerprintMarker({ fingerprint: c.findings.map((f) => f.fingerprint), fixId: c.group?.id, line: c.line }));
  return parts.join("\n\n") + "\n";
}
function bodyItem(item, repoUrl, headSha) {
  const f = item.findings[0];
  const where = link(`${f.file}:${f.range.start.line}`, blobUrl(repoUrl, headSha, f.file, f.range.start.line));
  const subject = subjectOf(item.findings, item.group);
  const lines = [`${headline(item.findings)} \xB7 ${where}${subject ? ` \xB7 ${subject}` : ""}`, "", ...messageLines(item.findings), "", `_Not inline: ${escapeMarkdown(item.reason)}._`];
  if (item.patch !== "") lines.push("", fence(item.patch.replace(/\n$/, ""), "diff"));
  return lines.join("\n") + "\n\n";
}

// src/report/budget.ts
function sizeOf(text, unit) {
  return unit === "chars" ? text.length : Buffer.byteLength(text, "utf8");
}
var TextBudget = class {
  constructor(limit, unit, reserve = 0) {
    this.limit = limit;
    this.unit = unit;
    this.reserve = reserve;
  }
  limit;
  unit;
  reserve;
  parts = [];
  used = 0;
  full = false;
  /** Blocks refused because they did not fit. */
  dropped = 0;
  /** Add `block` if it fits (and no earlier block was refused); returns whether it was added. */
  add(block) {
    const size = sizeOf(block, this.unit);
    if (this.full || this.used + size > this.limit - this.reserve) {
      this.full = true;
      this.dropped++;
      return false;
    }
    this.parts.push(block);
    this.used += size;
    return true;
  }
  /** Add `block` even past the reserve (closing notes); it must still fit in `limit`. */
  addFinal(block) {
    const size = sizeOf(block, this.unit);
    if (this.used + size > this.limit) return false;
    this.parts.push(block);
    this.used += size;
    return true;
  }
  /** Refuse every later {@link add} (as if a block had not fit). */
  stop() {
    this.full = true;
  }
  /** True once a block was refused. */
  get truncated() {
    return this.full;
  }
  /** The size used so far, in the budget's unit. */
  get size() {
    return this.used;
  }
  /** The blocks added, concatenated. */
  toString() {
    return this.parts.join("");
  }
};

// src/report/exemption-requests.ts
var EXEMPTION_SECTION_TITLE = "Exemptions this pull request requests or changes";
var REFUSED_SECTION_TITLE = "Exemption annotations not honoured";
function exemptionRecordId(r) {
  const o = r.object;
  return `ex-${fingerprintOf([r.file, o.kind, o.namespace, o.name, r.on, r.key, r.policy, r.containers?.join(","), r.reason, r.expires, r.honoured ? "honoured" : r.refusals.join(",")])}`;
}
var CELL_LIMIT = 300;
var clip = (text) => text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}\u2026` : text;
function exemptionObjectLabel(r) {
  const o = `${r.object.kind}/${r.object.namespace ? `${r.object.namespace}/` : ""}${r.object.name || "(unnamed)"}`;
  return r.on === "podTemplate" ? `the pod template of ${o}` : o;
}
function exemptionStatus(r) {
  const n = plural(r.fingerprints.length, "finding");
  if (!r.honoured) return `not honoured \u2014 ${r.why}; ${n} still ${r.fingerprints.length === 1 ? "counts" : "count"}`;
  return `honoured (${r.atBase === false ? "new or changed in this change" : "at the base commit"}); suppresses ${n}`;
}
function exemptionSection(result, opts) {
  const records = result.exemptions ?? [];
  if (records.length === 0) return "";
  const refused = records.filter((r) => !r.honoured).length;
  const note = (left2) => `_Note: ${plural(left2, "more exemption")} not listed here (size limit); see ${opts.elsewhere ?? "the JSON and SARIF outputs"}._

`;
  const budget = new TextBudget(opts.limit, opts.unit, note(records.length).length + 8);
  const intro = `${opts.heading ?? "###"} ${records.some((r) => r.atBase === false) ? EXEMPTION_SECTION_TITLE : REFUSED_SECTION_TITLE}

${plural(records.length, "exemption annotation")}${refused > 0 ? `, ${refused} not honoured (${refused === 1 ? "its findings count" : "their findings count"} for fail-level)` : ""}. Each row says whether it applies and why; under base-only a reviewer grants one by merging it (then it is at the base commit of later pull requests).

| Object | Policy | Containers | Reason | Expires | Status | Location |
| --- | --- | --- | --- | --- | --- | --- |
`;
  if (!budget.add(intro)) return "";
  let left = records.length;
  for (const r of records) {
    const cells = [
      escapeMarkdown(clip(exemptionObjectLabel(r))),
      inlineCode(r.policy === "*" ? "all" : r.policy, true),
      r.containers ? escapeMarkdown(clip(r.containers.join(", "))) : "all",
      r.reason ? escapeMarkdown(clip(r.reason)) : "_(no reason given)_",
      r.expires ? escapeMarkdown(r.expires) : "\u2014",
      `${r.honoured ? "" : "**"}${escapeMarkdown(clip(exemptionStatus(r)))}${r.honoured ? "" : "**"}`,
      link(`${r.file}:${r.line}`, blobUrl(opts.repoUrl, opts.headSha, r.file, r.line))
    ];
    if (!budget.add(`| ${cells.join(" | ")} |
`)) break;
    left--;
  }
  budget.addFinal("\n");
  if (left > 0) budget.addFinal(note(left));
  return budget.toString();
}

// src/report/review-plan.ts
var MAX_BODY_LENGTH = 65536;
var MAX_ELSEWHERE_LENGTH = 300;
function planReview(input) {
  const { result, files, filterMode } = input;
  const anchorMode = filterMode === "added" ? "added" : "diff_context";
  const meta = new Map(input.policies.map((p) => [p.id, p.meta]));
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const inScope = (f) => {
    if (filterMode === "nofilter") return true;
    const file = files.get(f.file);
    if (!file) return false;
    if (filterMode === "file") return true;
    for (let l = f.range.start.line; l <= f.range.end.line; l++) if (findHunk(file.hunks, l, l, anchorMode)) return true;
    return false;
  };
  const units = [];
  const byGroup = /* @__PURE__ */ new Map();
  const byLine = /* @__PURE__ */ new Map();
  const outOfScope = [];
  for (const f of result.findings) {
    if (f.suppressed) continue;
    if (!inScope(f)) {
      outOfScope.push(f);
      continue;
    }
    const g = f.fixId !== void 0 ? groups.get(f.fixId) : void 0;
    if (g && g.verified && g.edits.length > 0) {
      let u = byGroup.get(g.id);
      if (!u) byGroup.set(g.id, u = { path: f.file, findings: [], group: g }), units.push(u);
      u.findings.push(f);
    } else {
      const key = `${f.file}
${f.range.start.line}`;
      let u = byLine.get(key);
      if (!u) byLine.set(key, u = { path: f.file, findings: [], group: void 0 }), units.push(u);
      u.findings.push(f);
    }
  }
  for (const u of units) {
    const file = files.get(u.path);
    if (!file) u.reason = "the file is not part of this pull request";
    else if (u.group) {
      const s = buildSuggestion(file.headText, u.group.edits, file.hunks, anchorMode);
      if (isSuggestion(s)) u.anchor = { startLine: s.startLine, line: s.line, suggestion: s.content };
      else u.reason = `the suggestion cannot be placed: ${s.reason}`;
    } else {
      const line = u.findings[0].range.start.line;
      if (findHunk(file.hunks, line, line, anchorMode)) u.anchor = { startLine: line, line };
      else u.reason = `line ${line} is not ${anchorMode === "added" ? "an added line" : "in the diff"}`;
    }
  }
  const ours = input.existing.map((c) => ({ c, m: c.mine ? parseMarker(c.body) : void 0 })).filter((x) => x.m !== void 0);
  const postedAnywhere = new Set(ours.flatMap((x) => x.m.fingerprints));
  const postedOn = (path, line) => new Set(ours.filter((x) => x.c.path === path && x.c.line === line && x.c.inReplyTo === void 0).flatMap((x) => x.m.fingerprints));
  const severityOf = (u) => SEVERITY_RANK[maxSeverity(u.findings)];
  const inline = units.filter((u) => u.anchor).sort((a, b) => severityOf(b) - severityOf(a) || a.path.localeCompare(b.path) || a.anchor.line - b.anchor.line);
  const body = units.filter((u) => !u.anchor);
  const alreadyPosted = [];
  const taken = /* @__PURE__ */ new Map();
  const overlaps = (u) => (taken.get(u.path) ?? []).some(([s, e]) => u.anchor.startLine <= e && s <= u.anchor.line);
  const take = (u) => taken.set(u.path, [...taken.get(u.path) ?? [], [u.anchor.startLine, u.anchor.line]]);
  const fresh = [];
  for (const u of inline) {
    const posted = postedOn(u.path, u.anchor.line);
    if (u.findings.every((f) => posted.has(f.fingerprint))) {
      alreadyPosted.push(...u.findings.map((f) => f.fingerprint));
      if (u.anchor.suggestion !== void 0) take(u);
    } else fresh.push(u);
  }
  const comments = [];
  let overLimit = 0;
  for (const u of fresh) {
    const a = u.anchor;
    if (a.suggestion !== void 0 && overlaps(u)) {
      body.push({ ...u, anchor: void 0, reason: `its ${a.startLine === a.line ? `line ${a.line}` : `lines ${a.startLine}-${a.line}`} overlap${a.startLine === a.line ? "s" : ""} another suggestion (only one suggestion per line can be applied)` });
      continue;
    }
    if (comments.length >= input.maxComments) {
      overLimit++;
      body.push({ ...u, anchor: void 0, reason: `the review already has ${input.maxComments} inline comments (max-comments)` });
      continue;
    }
    const text = commentBody({ findings: u.findings, group: u.group, suggestion: a.suggestion, line: a.line }, meta);
    if (text.length > MAX_BODY_LENGTH) {
      body.push({ ...u, anchor: void 0, reason: "the comment would be longer than GitHub allows" });
      continue;
    }
    if (a.suggestion !== void 0) take(u);
    const c = { path: u.path, line: a.line, side: "RIGHT", body: text, fingerprints: u.findings.map((f) => f.fingerprint) };
    if (a.startLine < a.line) Object.assign(c, { startLine: a.startLine, startSide: "RIGHT" });
    comments.push(c);
  }
  const alive = new Set(result.findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
  const reposted = new Set(comments.flatMap((c) => c.fingerprints));
  const staleCommentIds = ours.filter(({ c, m }) => c.path !== "" && c.inReplyTo === void 0 && !c.hasReplies && m.fingerprints.every((fp) => !alive.has(fp) || reposted.has(fp))).map(({ c }) => c.id);
  body.sort((a, b) => severityOf(b) - severityOf(a) || a.path.localeCompare(b.path) || a.findings[0].range.start.line - b.findings[0].range.start.line);
  const requestIds = markedRequestIds(result);
  const nothingNew = comments.length === 0 && body.every((u) => u.findings.every((f) => postedAnywhere.has(f.fingerprint))) && requestIds.every((id) => postedAnywhere.has(id));
  const inlineNow = [...comments.flatMap((c) => c.fingerprints), ...alreadyPosted];
  const rendered = renderBody(input, body, comments.length, alreadyPosted.length, overLimit, outOfScope, inlineNow);
  const rejected = "GitHub did not accept the inline comments of this review";
  const all = units.map((u) => u.anchor ? { ...u, anchor: void 0, reason: rejected } : u);
  all.sort((a, b) => severityOf(b) - severityOf(a) || a.path.localeCompare(b.path) || a.findings[0].range.start.line - b.findings[0].range.start.line);
  const fallback = renderBody(input, all, 0, 0, 0, outOfScope, []);
  const carried = nothingNew ? [...alreadyPosted, ...body.flatMap((u) => u.findings.map((f) => f.fingerprint))] : [...inlineNow, ...rendered.listed.map((f) => f.fingerprint)];
  return {
    comments,
    body: rendered.text,
    bodyFindings: rendered.listed,
    staleCommentIds,
    alreadyPosted,
    nothingNew,
    fallbackBody: fallback.text,
    carried: [...new Set(carried)],
    fallbackCarried: fallback.listed.map((f) => f.fingerprint)
  };
}
function markedRequestIds(result) {
  return (result.exemptions ?? []).slice(0, 200).map(exemptionRecordId);
}
var EXEMPTION_SECTION_CHARS = 16e3;
function renderBody(input, units, inlineCount, postedCount, overLimit, outOfScope, inline) {
  const notes = [];
  if (overLimit > 0) notes.push(`${plural(overLimit, "more comment")} did not fit in the ${input.maxComments} inline comments allowed (max-comments): listed above.`);
  const elsewhere = (findings, listed2) => {
    const carried = /* @__PURE__ */ new Set([...inline, ...listed2.map((f) => f.fingerprint)]);
    const text = input.elsewhere ? input.elsewhere(findings, carried) : `${findings.length === 1 ? "it is" : "they are"} in the job summary`;
    return text.length > MAX_ELSEWHERE_LENGTH ? `${text.slice(0, MAX_ELSEWHERE_LENGTH - 1)}\u2026` : text;
  };
  const head = [
    "## kube-immutable",
    "",
    summaryLine(summarize(input.result)) + ".",
    "",
    `${plural(inlineCount, "new inline comment")}${postedCount > 0 ? `; ${plural(postedCount, "finding")} already commented on` : ""}.`,
    "",
    ""
  ].join("\n");
  const markerRoom = (n) => 64 + 40 * n;
  const requestIds = markedRequestIds(input.result);
  const reserve = 1500 + 2 * MAX_ELSEWHERE_LENGTH + notes.join("\n").length + 24 * requestIds.length;
  const budget = new TextBudget(MAX_BODY_LENGTH, "chars", reserve);
  budget.add(head);
  const exemptions = exemptionSection(input.result, { repoUrl: input.repoUrl, headSha: input.headSha, limit: EXEMPTION_SECTION_CHARS, unit: "chars", elsewhere: "the job summary" });
  if (exemptions) budget.add(exemptions);
  const listed = [];
  if (units.length > 0) budget.add("### Not posted inline\n\n");
  let remaining = units.length;
  for (const u of units) {
    const file = input.files.get(u.path);
    let patch = "";
    try {
      if (u.group && file) patch = patchForFixGroup(u.group, file.headText);
    } catch {
      patch = "";
    }
    const item = { findings: u.findings, group: u.group, patch, reason: u.reason ?? "it cannot be placed on a line of the diff" };
    const text = bodyItem(item, input.repoUrl, input.headSha);
    if (budget.size + text.length + markerRoom(listed.length + u.findings.length) > MAX_BODY_LENGTH - reserve) {
      budget.stop();
      break;
    }
    budget.add(text);
    listed.push(...u.findings);
    remaining--;
  }
  if (remaining > 0) {
    const left = units.slice(units.length - remaining).flatMap((u) => u.findings);
    notes.unshift(`${plural(remaining, "more entry", "more entries")} (${plural(left.length, "finding")}) did not fit in this review body (${MAX_BODY_LENGTH.toLocaleString("en-US")} characters); ${elsewhere(left, listed)}.`);
  }
  if (outOfScope.length > 0) {
    const n = outOfScope.length;
    notes.push(`${plural(n, "finding")} outside the lines this pull request changes ${n === 1 ? "is" : "are"} not shown here (filter-mode: ${input.filterMode}); ${elsewhere(outOfScope, listed)}.`);
  }
  for (const n of notes) budget.addFinal(`_Note: ${n}_

`);
  const ids = [...listed.map((f) => f.fingerprint), ...exemptions ? requestIds : []];
  if (ids.length > 0) budget.addFinal(fingerprintMarker({ fingerprint: ids }) + "\n");
  return { text: budget.toString(), listed };
}

// src/report/job-summary.ts
var MAX_JOB_SUMMARY_BYTES = 1024 * 1024;
var MAX_NOTES = 20;
var MAX_NOTE_CHARS = 2e3;
var CLOSING_RESERVE = 4096;
var MAX_SKIPPED_LISTED = 100;
var SEVERITIES = ["error", "warning", "info"];
function jobSummary(result, options) {
  return jobSummaryReport(result, options).text;
}
function jobSummaryReport(result, options) {
  const s = summarize(result);
  const limit = options.maxBytes ?? MAX_JOB_SUMMARY_BYTES;
  const budget = new TextBudget(limit, "bytes", Math.min(CLOSING_RESERVE, limit / 4));
  let notes = "";
  for (const n of (options.notes ?? []).slice(0, MAX_NOTES)) {
    const line = `> ${(n.length > MAX_NOTE_CHARS ? `${n.slice(0, MAX_NOTE_CHARS - 1)}\u2026` : n).replace(/\r\n|[\r\n\u2028\u2029]/g, " ")}
`;
    if (sizeOf(notes + line, "bytes") + 1 > limit / 4) break;
    notes += line;
  }
  if (notes !== "") budget.add(notes + "\n");
  budget.add(`## ${escapeMarkdown(options.title ?? "kube-immutable")}

${summaryLine(s)}.

`);
  if (result.findings.length > 0) {
    const ids = [.../* @__PURE__ */ new Set([...options.policies.map((p) => p.id), ...result.findings.map((f) => f.policyId)])];
    const docs = new Map(options.policies.map((p) => [p.id, p.meta.docsUrl]));
    const rows = ids.map((id) => ({ id, n: SEVERITIES.map((sev) => result.findings.filter((f) => f.policyId === id && f.severity === sev).length) })).filter((r) => r.n.some((x) => x > 0)).map((r) => {
      const url = docs.get(r.id);
      const name = url !== void 0 ? link(r.id, url) : escapeMarkdown(r.id);
      return `| ${name} | ${r.n.join(" | ")} | ${r.n.reduce((a, b) => a + b, 0)} |
`;
    });
    budget.add(`### Findings per policy

| Policy | Errors | Warnings | Info | Total |
| --- | ---: | ---: | ---: | ---: |
${rows.join("")}| **Total** | ${s.errors} | ${s.warnings} | ${s.info} | ${s.findings} |

`);
  }
  const skipped = result.files.filter((f) => f.skipped !== void 0);
  if (skipped.length > 0) {
    const shown = skipped.slice(0, MAX_SKIPPED_LISTED);
    const more = skipped.length - shown.length;
    budget.add(`### Skipped files

${shown.map((f) => `- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.skipped)}
`).join("")}${more > 0 ? `- and ${plural(more, "more file")} (\`kube-immutable scan\` lists them all)
` : ""}
`);
  }
  const exemptions = exemptionSection(result, { repoUrl: options.repoUrl, headSha: options.headSha, limit: Math.min(64 * 1024, limit / 4), unit: "bytes", elsewhere: "the JSON and SARIF outputs" });
  if (exemptions) budget.add(exemptions);
  const findings = [...result.findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
  const listed = /* @__PURE__ */ new Set();
  const tableHead = "### Findings\n\n| Severity | Policy | Message | Location |\n| --- | --- | --- | --- |\n";
  if (findings.length > 0 && budget.add(tableHead)) {
    const row = (f) => {
      const where = link(`${f.file}:${f.range.start.line}`, blobUrl(options.repoUrl, options.headSha, f.file, f.range.start.line));
      const severity = f.suppressed ? `~~${SEVERITY_LABEL[f.severity]}~~ suppressed` : SEVERITY_LABEL[f.severity];
      const message = f.suppressed ? `${escapeMarkdown(f.message)}<br>_Exempted by ${escapeMarkdown(f.suppressed.source)}: ${escapeMarkdown(f.suppressed.justification || "(no reason given)")}_` : escapeMarkdown(f.message);
      return `| ${severity} | ${inlineCode(f.policyId, true)} | ${message} | ${where} |
`;
    };
    const rows = /* @__PURE__ */ new Map();
    let room = limit - budget.reserve - budget.size - 1;
    const first = options.first;
    const groups = first ? [findings.filter((f) => first.has(f.fingerprint)), findings.filter((f) => !first.has(f.fingerprint))] : [findings];
    for (const group of groups) {
      for (const f of group) {
        const text = row(f);
        const size = sizeOf(text, "bytes");
        if (size > room) break;
        room -= size;
        rows.set(f, text);
      }
    }
    for (const f of findings) {
      const text = rows.get(f);
      if (text !== void 0 && budget.add(text)) listed.add(f);
    }
    budget.add("\n");
  }
  const omitted = findings.filter((f) => !listed.has(f));
  const fixes = result.fixes.filter((g) => g.verified && g.edits.length > 0);
  let fixesLeft = fixes.length;
  if (fixes.length > 0 && options.originals && budget.add("### Fixes\n\n")) {
    for (const g of fixes) {
      const text = options.originals.get(g.file);
      let patch = "";
      try {
        if (text !== void 0) patch = patchForFixGroup(g, text);
      } catch {
        patch = "";
      }
      if (patch === "") {
        fixesLeft--;
        continue;
      }
      const what = fixGroupLabel(g);
      const summary = `${escapeHtml(g.file)}: fix for ${escapeHtml(what)} (${plural(g.findings.length, "finding")})`;
      if (!budget.add(`<details><summary>${summary}</summary>

${fence(patch.replace(/\n$/, ""), "diff")}

</details>

`)) break;
      fixesLeft--;
    }
  }
  const closing = [];
  if (options.closingNotes) closing.push(...options.closingNotes(listed, omitted));
  else {
    if (omitted.length > 0) closing.push(`${plural(omitted.length, "more finding")} not listed here: the job summary is limited to ${limit.toLocaleString("en-US")} bytes.`);
    if (options.notAnnotated !== void 0 && options.notAnnotated > 0) closing.push(`${plural(options.notAnnotated, "finding")} ${options.notAnnotated === 1 ? "was" : "were"} not annotated (GitHub shows at most 10 annotations of each level per step and 50 per job).`);
  }
  if (fixesLeft > 0 && options.originals) closing.push(`${plural(fixesLeft, "more fix", "more fixes")} not shown here: the job summary is limited to ${limit.toLocaleString("en-US")} bytes. The patch-file input writes every fix to one file.`);
  for (const n of closing) budget.addFinal(`_Note: ${n}_

`);
  return { text: budget.toString(), listed };
}

// src/report/annotations.ts
var DEFAULT_ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10, total: 50 };
function planAnnotations(findings, limits = DEFAULT_ANNOTATION_LIMITS, first) {
  const rank = (f) => first && first(f) ? 1 : 0;
  const sorted = findings.filter((f) => !f.suppressed).sort((a, b) => rank(b) - rank(a) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
  const used = { error: 0, warning: 0, notice: 0 };
  const annotations = [];
  const annotated = [];
  let dropped = 0;
  for (const f of sorted) {
    const level = GITHUB_COMMAND[f.severity];
    if (used[level] >= limits[level] || annotations.length >= limits.total) {
      dropped++;
      continue;
    }
    used[level]++;
    const { start, end } = f.range;
    const properties = { title: f.policyId, file: safeText(f.file, { keepLineBreaks: true }), startLine: start.line, endLine: end.line };
    if (start.line === end.line) Object.assign(properties, { startColumn: start.column, endColumn: end.column });
    annotations.push({ level, message: safeText(f.message, { keepLineBreaks: true }), properties });
    annotated.push(f);
  }
  return { annotations, dropped, annotated };
}

// src/report/channels.ts
var CHANNEL_LABEL = {
  review: "the review",
  sarif: "the SARIF file",
  summary: "the job summary",
  annotations: "the annotations",
  log: "the step log"
};
var REPORTED_IN = { review: "in the review", sarif: "in the SARIF file", summary: "in the job summary", annotations: "as annotations", log: "in the step log" };
var ORDER = ["review", "sarif", "summary", "annotations", "log"];
function planChannels(input) {
  const { result, inReview, sarif } = input;
  const limits = input.limits ?? DEFAULT_ANNOTATION_LIMITS;
  const inTheReview = (f) => f.suppressed === void 0 && inReview.has(f.fingerprint);
  const rest = result.findings.filter((f) => f.suppressed === void 0 && !inReview.has(f.fingerprint));
  let listed = /* @__PURE__ */ new Set();
  let annotated = /* @__PURE__ */ new Set();
  let annotations = [];
  let logged = /* @__PURE__ */ new Set();
  const channelsOf = (f) => {
    const out = [];
    if (inTheReview(f)) out.push("review");
    if (sarif) out.push("sarif");
    if (listed.has(f)) out.push("summary");
    if (annotated.has(f)) out.push("annotations");
    if (logged.has(f)) out.push("log");
    return out;
  };
  const describe = (findings) => describeChannels(findings, channelsOf);
  const annotateAndLog = () => {
    const plan = planAnnotations(rest, limits, (f) => !sarif && !listed.has(f));
    annotations = plan.annotations;
    annotated = new Set(plan.annotated);
    logged = new Set(result.findings.filter((f) => !inTheReview(f) && !sarif && !listed.has(f) && !annotated.has(f)));
  };
  let summary;
  if (input.summary) {
    const limit = input.summary.maxBytes ?? MAX_JOB_SUMMARY_BYTES;
    const report = jobSummaryReport(result, {
      ...input.summary,
      first: new Set(rest.map((f) => f.fingerprint)),
      closingNotes: (rows, omitted) => {
        listed = rows;
        annotateAndLog();
        const notes = [];
        if (omitted.length > 0) notes.push(`${plural(omitted.length, "more finding")} not listed here (the job summary is limited to ${limit.toLocaleString("en-US")} bytes); ${describe(omitted)}.`);
        const notAnnotated = rest.filter((f) => !annotated.has(f));
        if (notAnnotated.length > 0 && rest.length > 0) {
          notes.push(
            `${plural(notAnnotated.length, "finding")} outside the review ${notAnnotated.length === 1 ? "was" : "were"} not annotated (GitHub shows at most ${DEFAULT_ANNOTATION_LIMITS.error} annotations of each level per step and ${DEFAULT_ANNOTATION_LIMITS.total} per job); ${describe(notAnnotated)}.`
          );
        }
        if (logged.size > 0) notes.push(`${plural(logged.size, "finding")} ${logged.size === 1 ? "is" : "are"} in no other report of this run${sarif ? "" : " (set the sarif-file input to get every finding in one file)"}: the step log lists ${logged.size === 1 ? "it" : "them"}.`);
        return notes;
      }
    });
    summary = report.text;
  } else annotateAndLog();
  const reportedIn = (findings) => {
    if (findings.length === 0) return "nowhere else: there are none";
    const used = ORDER.filter((c) => c !== "review" && findings.some((f) => channelsOf(f).includes(c)));
    return joinAnd(used.map((c) => REPORTED_IN[c]));
  };
  return { summary, annotations, logged: result.findings.filter((f) => logged.has(f)), channelsOf, describe, reportedIn };
}
function describeChannels(findings, channelsOf) {
  if (findings.length === 0) return "";
  const lists = findings.map((f) => channelsOf(f));
  const full = ORDER.filter((c) => lists.every((l) => l.includes(c)));
  if (full.length > 0) return `${findings.length === 1 ? "it is" : "they are"} in ${joinAnd(full.map((c) => CHANNEL_LABEL[c]))}`;
  const counts = /* @__PURE__ */ new Map();
  for (const l of lists) {
    const c = l[0] ?? "log";
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const parts = ORDER.filter((c) => counts.has(c)).map((c, i) => `${counts.get(c)}${i === 0 ? counts.get(c) === 1 ? " is" : " are" : ""} in ${CHANNEL_LABEL[c]}`);
  return `of these, ${joinAnd(parts)}`;
}
function joinAnd(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// src/report/patch-file.ts
function gitQuotePath(path) {
  if (!/["\\\u0000-\u001f\u007f]/.test(path)) return path;
  const named = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "	": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f", "\v": "\\v", "\x07": "\\a" };
  let out = "";
  for (const ch of path) {
    const code = ch.charCodeAt(0);
    if (named[ch] !== void 0) out += named[ch];
    else if (code < 32 || code === 127) out += "\\" + code.toString(8).padStart(3, "0");
    else out += ch;
  }
  return `"${out}"`;
}
function side(prefix, path) {
  return gitQuotePath(prefix + path);
}
function patchFile(result, originals) {
  const parts = [];
  for (const f of result.files) {
    if (f.fixedText === void 0) continue;
    const original = originals.get(f.path);
    if (original === void 0 || original === f.fixedText) continue;
    const diff = diffTexts(f.path, original, f.fixedText);
    const at = diff.indexOf("\n@@ ");
    if (!diff.startsWith("--- ") || at < 0) throw new Error(`patchFile: unexpected diff for ${f.path}`);
    const hunks = diff.slice(at + 1);
    parts.push(`diff --git ${side("a/", f.path)} ${side("b/", f.path)}
--- ${side("a/", f.path)}
+++ ${side("b/", f.path)}
${hunks.endsWith("\n") ? hunks : hunks + "\n"}`);
  }
  return parts.join("");
}

export {
  PATCH_CONTEXT_LINES,
  diffTexts,
  patchForEdits,
  patchForFixGroup,
  patchForFile,
  summarize,
  isFixable,
  findingsAtOrAbove,
  nothingChecked,
  nothingCheckedWarning,
  plural,
  summaryLine,
  formatText,
  findingLine,
  JSON_REPORT_VERSION,
  formatJson,
  toJsonReport,
  SARIF_LEVEL,
  SECURITY_SEVERITY,
  artifactUri,
  ruleOf,
  formatSarif,
  sarifChunks,
  toSarif,
  escapeData,
  escapeProperty,
  workflowCommand,
  findingCommand,
  formatGithub,
  githubReportWriter,
  parsePatch2 as parsePatch,
  hunksBetween,
  findHunk,
  lineInHunks,
  escapeMarkdown,
  escapeHtml,
  longestBacktickRun,
  inlineCode,
  fence,
  fingerprintMarker,
  parseMarker,
  safeUrl,
  blobUrl,
  link,
  buildSuggestion,
  isSuggestion,
  applySuggestions,
  SEVERITY_LABEL,
  maxSeverity,
  commentBody,
  bodyItem,
  sizeOf,
  TextBudget,
  EXEMPTION_SECTION_TITLE,
  exemptionObjectLabel,
  exemptionStatus,
  exemptionSection,
  MAX_BODY_LENGTH,
  MAX_ELSEWHERE_LENGTH,
  planReview,
  MAX_JOB_SUMMARY_BYTES,
  MAX_NOTES,
  MAX_NOTE_CHARS,
  MAX_SKIPPED_LISTED,
  jobSummary,
  jobSummaryReport,
  DEFAULT_ANNOTATION_LIMITS,
  planAnnotations,
  CHANNEL_LABEL,
  planChannels,
  describeChannels,
  gitQuotePath,
  patchFile
};

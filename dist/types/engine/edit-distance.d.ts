/** Levenshtein distance between two strings (insertions, deletions, substitutions each cost 1). */
export declare function editDistance(a: string, b: string): number;
/** True when `a` differs from `b` but is within `max` edits of it (a likely typo). */
export declare function isLikelyTypo(a: string, b: string, max: number): boolean;

/** A stable fingerprint: sha256 of the identifying fields joined by NUL, first 16 hex digits. */
export declare function fingerprintOf(parts: readonly (string | number | undefined)[]): string;

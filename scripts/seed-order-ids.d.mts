export declare const repoRoot: string;
export declare const scannedRoots: string[];
export declare const seedOrderPatterns: RegExp[];
export declare const seedOrderAllowed: Readonly<Record<string, string>>;
export declare function seedOrderHits(
  root?: string,
  roots?: string[],
): { file: string; line: number; text: string }[];

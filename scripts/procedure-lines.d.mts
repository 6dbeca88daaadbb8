export declare const repoRoot: string;
export declare const routersDir: string;
export declare const maxProcedureLines: number;
export declare function mutationBodies(
  dir?: string,
): { router: string; procedure: string; lines: number }[];
export declare const transactionAllowed: (repoRelativePath: string) => boolean;
export declare function transactionCallers(root?: string): string[];
export declare const repositoryWriteExceptions: Readonly<Record<string, string>>;
export declare function repositoryWriters(root?: string): string[];

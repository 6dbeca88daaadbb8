/** The most calls one /api/trpc batch may hold: the server refuses more (400), the client splits at it. */
export const trpcMaxBatch = 10;

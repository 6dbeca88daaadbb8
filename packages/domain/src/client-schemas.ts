// The schemas a client form validates with before it sends, as an entry of their own: the forms
// load it with `import()` on submit, so zod stays out of the pages' first load (issue 16 item 3).
// The procedures parse the same schemas from the package entry.
export { incidentPatchSchema } from './incident/schema';
export { oneStepInputSchemas } from './one-steps/contract';

// Every generated file and the function that produces it. Add new generators here (the CMS
// config, the browser rules bundle) so `npm run generate` and the drift test see them.
import { generateTypes, generateValidators, GENERATED_SCHEMA_FILES } from './schemas.js';

export const generatedFiles: Record<string, (root: string) => Promise<string>> = {
  [GENERATED_SCHEMA_FILES.types]: generateTypes,
  [GENERATED_SCHEMA_FILES.validators]: generateValidators,
};

// Types for the generated standalone validators (validators.js).
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, any>;
  parentSchema?: any;
}
export interface ValidateFn {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
export const unit: ValidateFn;
export const framework: ValidateFn;
export const campaign: ValidateFn;
export const selfAssessment: ValidateFn;
export const access: ValidateFn;
export const appraisal: ValidateFn;
export const survey: ValidateFn;

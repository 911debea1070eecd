/** The regions' recognition policies (configurable data). */
export const RECOGNITION_POLICIES = Symbol('RECOGNITION_POLICIES');

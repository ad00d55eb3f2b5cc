/** symscope's version, written into every report and shown by `symscope --version` (kept equal to package.json's). */
export const VERSION = '0.6.0'

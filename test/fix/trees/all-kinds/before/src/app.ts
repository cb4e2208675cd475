export const openRouter = process.env.OPENROUTER_KEY;
export const stripe = process.env['STRIPE_KEY'];
// A longer name that contains the alias is another variable: never touched.
export const legacy = process.env.STRIPE_KEY_LEGACY;
export const sendgrid = process.env.SENDGRID_API_KEY;

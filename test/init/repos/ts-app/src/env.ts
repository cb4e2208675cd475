// The app's one env module: every setting is read here.
export const env = {
  openaiApiKey: process.env.OPENAI_API_KEY ?? process.env.OPENAI_KEY,
  stripeSecretKey: process.env.STRIPE_SECRET_KEY,
  jwtSecret: process.env.JWT_SECRET,
  databaseUrl: process.env.DATABASE_URL,
  port: Number(process.env.PORT ?? 3000),
};

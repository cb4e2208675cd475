// Shipped to the browser: whatever this holds is public.
export const checkoutKey = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;

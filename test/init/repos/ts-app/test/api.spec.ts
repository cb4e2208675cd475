const token = process.env.E2E_API_TOKEN;
export const authHeader = `Bearer ${token ? 'set' : 'unset'}`;

/** The demo accounts' password in tests (a module of its own, so browser tests need not load the app). */
export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2025';

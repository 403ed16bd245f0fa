import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Used by Storybook (react-vite picks it up) and by the Vitest projects.
export default defineConfig({
  plugins: [react(), tailwindcss()],
});

// ck-readme: vue-config
import vue from '@vitejs/plugin-vue';
import {isCallbackKitElement} from 'callback-kit/vue';
import {defineConfig} from 'vite';

export default defineConfig({
  plugins: [vue({template: {compilerOptions: {isCustomElement: isCallbackKitElement}}})],
});
// /ck-readme

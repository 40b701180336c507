import { mount } from 'svelte';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './app.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });

import { mount } from 'svelte';
import '../../components/theme.css';
import { lang } from '../../components/lang';
import App from './App.svelte';

document.documentElement.lang = lang;
mount(App, { target: document.getElementById('app')! });

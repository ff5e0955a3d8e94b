import { mount } from 'svelte';
import '../../components/theme.css';
import { useChosenLanguage } from '../../components/lang';
import App from './App.svelte';
import { keepPageLook } from '../../lib/browser/page-look';

keepPageLook('manager');

void useChosenLanguage().then((lang) => {
  document.documentElement.lang = lang;
  mount(App, { target: document.getElementById('app')! });
});

import { useEffectiveScheme } from './theme';

/** 'dark' or 'light': the theme preference, following prefers-color-scheme live when it is 'system'. */
export function useColorScheme(): 'dark' | 'light' {
  return useEffectiveScheme();
}

export * from './sign-in-throttle';

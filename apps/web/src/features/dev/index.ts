export { DevOutboxPage } from './routes/DevOutboxPage';

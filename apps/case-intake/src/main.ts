import { bootstrapHttpService } from '@yrd/platform';
import { AppModule } from './app/app.module';
import { HTTP_SERVICE } from './app/service';

void bootstrapHttpService(AppModule, HTTP_SERVICE);

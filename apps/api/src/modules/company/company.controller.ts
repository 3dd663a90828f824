import { ApiIdParams, idPipe } from '../../common/id-param';
import { Upload } from '../../common/edge';
import { readSingleUpload } from '../../common/upload';
import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Put,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMPANY_LIMITS } from '@kabinet/shared';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated, Public } from '../auth/auth.decorators';
import { BrandDto, CompanyDto, UpdateCompanyDto } from './company.dto';
import { CompanyService } from './company.service';

@ApiTags('company')
@Controller('company')
export class CompanyController {
  constructor(private readonly company: CompanyService) {}

  @Get()
  @ApiOperation({
    summary: 'The company profile: name, description, logo, brand colour and contacts',
    description:
      'Set by admins (PUT /api/company); made from COMPANY_* at the first start. What is not set is null or empty.',
  })
  @Authenticated()
  @ApiOkResponse({ type: CompanyDto })
  getCompany(@Auth() auth: AuthContext): Promise<CompanyDto> {
    return this.company.get(auth);
  }

  @Put()
  @ApiOperation({
    summary: 'Save the company profile (everything but the logo; what is left out is cleared)',
  })
  @Authenticated({ permission: 'company.manage' })
  @ApiOkResponse({ type: CompanyDto })
  @ApiResponse({ status: 400, description: 'Field messages', type: ProblemDto })
  updateCompany(@Auth() auth: AuthContext, @Body() body: UpdateCompanyDto): Promise<CompanyDto> {
    return this.company.update(auth, body);
  }

  @Get('brand')
  @Public()
  @ApiOperation({
    summary: 'The brand for the login page: name, description, logo URL and colour (public)',
  })
  @ApiOkResponse({ type: BrandDto })
  async getBrand(@Res({ passthrough: true }) reply: FastifyReply): Promise<BrandDto> {
    // Asked again on every page load: an admin's change shows at once.
    void reply.header('cache-control', 'no-cache');
    return this.company.brand();
  }

  @Put('logo')
  @Upload()
  @ApiOperation({
    summary: `Upload the logo: a PNG, JPEG, GIF or WebP image up to ${COMPANY_LIMITS.logoBytes / 1048576} MB (the type is read from the bytes)`,
  })
  @Authenticated({ permission: 'company.manage' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: CompanyDto })
  @ApiResponse({ status: 400, description: 'Not an image', type: ProblemDto })
  @ApiResponse({ status: 413, description: 'Too large', type: ProblemDto })
  async uploadCompanyLogo(
    @Auth() auth: AuthContext,
    @Req() req: FastifyRequest,
  ): Promise<CompanyDto> {
    const { part, read } = await readSingleUpload(req, {
      what: 'an image file',
      fileSize: COMPANY_LIMITS.logoBytes,
    });
    const bytes = await read(part.toBuffer());
    return this.company.setLogo(auth, bytes, part.file.truncated);
  }

  @Delete('logo')
  @ApiOperation({ summary: 'Remove the logo' })
  @Authenticated({ permission: 'company.manage' })
  @ApiOkResponse({ type: CompanyDto })
  deleteCompanyLogo(@Auth() auth: AuthContext): Promise<CompanyDto> {
    return this.company.removeLogo(auth);
  }

  @Get('logo/:fileId')
  @ApiIdParams('fileId')
  @Public()
  @ApiOperation({
    summary: 'The current logo (public; the URL changes with the logo, so it is cached for good)',
  })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Not the current logo' })
  async getCompanyLogo(
    @Param('fileId', idPipe('Logo')) fileId: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const logo = await this.company.logo(fileId);
    const etag = `"${logo.sha256}"`;
    void reply.header('cache-control', 'public, max-age=31536000, immutable');
    void reply.header('etag', etag);
    void reply.header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === etag) {
      void reply.status(304);
      return undefined;
    }
    return new StreamableFile(logo.content, {
      type: logo.mime,
      length: logo.content.length,
      disposition: 'inline',
    });
  }
}

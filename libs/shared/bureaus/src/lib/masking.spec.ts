import { maskIdNumber, maskPersonName, maskText } from './masking';

describe('masking the public copy', () => {
  it('keeps the surname of a natural person, and the division and last four of an id number', () => {
    expect(maskPersonName('张三')).toBe('张某');
    expect(maskPersonName('欧阳小明')).toBe('欧某');
    expect(maskIdNumber('33042119800101123X')).toBe('330421********123X');
  });

  it("masks the parties' names and ids in a text, and any other resident id number, but not companies", () => {
    const text = '当事人张三（身份证号33042119800101123X）经营的嘉善某食品有限公司，张三丰作证，另查明11010519491231002X。';
    expect(maskText(text, [{ name: '张三', idNumber: '33042119800101123X' }, { name: '张三丰' }])).toBe(
      '当事人张某（身份证号330421********123X）经营的嘉善某食品有限公司，张某作证，另查明110105********002X。',
    );
  });

  it('leaves a text without persons or ids as it is', () => {
    expect(maskText('嘉善某电子商务有限公司使用“国家级”用语', [])).toBe('嘉善某电子商务有限公司使用“国家级”用语');
  });
});
